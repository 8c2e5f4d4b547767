package org.formhaus.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.formhaus.forms.DefinitionException;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.ThemeContrast;
import org.formhaus.mail.MailPreview;

/**
 * What the builder shows beside a draft's problems, added to every draft reply (issue 10): {@code contrast}, the
 * theme's pairs below WCAG AA ({@link ThemeContrast}), judged even while the draft has problems elsewhere; and
 * {@code mailPreview}, its e-mails rendered with sample values by the sending code ({@link MailPreview}), once the
 * draft parses. Neither blocks publishing. Thread-safe; one per {@link FormPublishing}.
 */
final class DraftNotes {

    private final DefinitionParser parser = new DefinitionParser();
    private final MailPreview mails = new MailPreview();

    void addTo(JsonObject reply, JsonObject definition) {
        reply.add("contrast", contrast(definition));
        reply.add("mailPreview", mailPreview(definition));
    }

    private static JsonArray contrast(JsonObject definition) {
        Map<String, String> theme = new LinkedHashMap<>();
        JsonElement raw = definition.get("theme");
        if (raw != null && raw.isJsonObject()) {
            raw.getAsJsonObject().entrySet().stream().filter(e -> e.getValue().isJsonPrimitive())
                    .forEach(e -> theme.put(e.getKey(), e.getValue().getAsString()));
        }
        JsonArray out = new JsonArray();
        for (ThemeContrast.Low low : ThemeContrast.check(theme)) {
            JsonObject o = new JsonObject();
            o.addProperty("place", low.place());
            o.addProperty("foreground", low.foreground());
            o.addProperty("background", low.background());
            o.addProperty("ratio", low.ratio());
            out.add(o);
        }
        return out;
    }

    private JsonArray mailPreview(JsonObject definition) {
        JsonArray out = new JsonArray();
        FormDefinition form;
        try {
            form = parser.parse(definition.deepCopy());
        } catch (DefinitionException e) {
            return out; // the problems list says why; the preview follows once the draft parses
        }
        for (MailPreview.Preview p : mails.of(form)) {
            JsonObject o = new JsonObject();
            o.addProperty("mail", p.mail());
            o.addProperty("place", p.place());
            o.addProperty("language", p.language());
            JsonArray to = new JsonArray();
            p.to().forEach(to::add);
            o.add("to", to);
            o.addProperty("subject", p.subject());
            o.addProperty("body", p.body());
            o.addProperty("error", p.error());
            out.add(o);
        }
        return out;
    }
}
