package org.formhaus.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.FormDefinition;
import org.formhaus.protection.Protection;

/**
 * A form's {@code protection} section as the visitor-facing side reads it: {@code {"proofOfWork": true}} asks every
 * visitor's browser for a proof of work ({@link ProofOfWork}), not only while the form is flooded; the other keys
 * (password, addresses, hours, places, one-time keys) are {@link Protection}'s and enforced by {@link FormAccess}.
 * Checked when a form is saved ({@link #problems}); a key it does not know is refused. Stateless.
 */
public final class FormProtection {

    static final String SECTION = "protection";

    private FormProtection() {
    }

    /** What is wrong with the section, each with its place ({@code protection.allowedIps[1]}). */
    public static List<Problem> problems(FormDefinition form) {
        return Protection.problems(form.source());
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
