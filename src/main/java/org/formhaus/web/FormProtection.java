package org.formhaus.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.FormDefinition;

/**
 * A form's {@code protection} section: {@code {"proofOfWork": true}} asks every visitor's browser for a proof of work
 * ({@link ProofOfWork}), not only while the form is flooded. Checked when a form is saved ({@link #problems}); a key
 * it does not know is refused. Stateless.
 */
public final class FormProtection {

    static final String SECTION = "protection";

    private FormProtection() {
    }

    /** What is wrong with the section, each with its place ({@code protection.proofOfWork}). */
    public static List<Problem> problems(FormDefinition form) {
        List<Problem> problems = new ArrayList<>();
        JsonElement section = form.source() == null ? null : form.source().get(SECTION);
        if (section == null || section.isJsonNull()) {
            return problems;
        }
        if (!section.isJsonObject()) {
            problems.add(new Problem(SECTION, "must be an object such as {\"proofOfWork\": true}"));
            return problems;
        }
        for (Map.Entry<String, JsonElement> e : section.getAsJsonObject().entrySet()) {
            if (!e.getKey().equals("proofOfWork")) {
                problems.add(new Problem(SECTION + "." + e.getKey(), "unknown key; known: proofOfWork"));
            } else if (!e.getValue().isJsonPrimitive() || !e.getValue().getAsJsonPrimitive().isBoolean()) {
                problems.add(new Problem(SECTION + ".proofOfWork", "must be true or false"));
            }
        }
        return problems;
    }

    /** Whether the form always asks for a proof of work. */
    static boolean alwaysProofOfWork(FormDefinition form) {
        JsonElement section = form.source() == null ? null : form.source().get(SECTION);
        if (section == null || !section.isJsonObject()) {
            return false;
        }
        JsonObject o = section.getAsJsonObject();
        JsonElement pow = o.get("proofOfWork");
        return pow != null && pow.isJsonPrimitive() && pow.getAsJsonPrimitive().isBoolean() && pow.getAsBoolean();
    }
}
