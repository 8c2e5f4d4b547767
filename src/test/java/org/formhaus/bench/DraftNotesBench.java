package org.formhaus.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.Map;
import org.formhaus.forms.DefinitionParser;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.ThemeContrast;
import org.formhaus.mail.MailPreview;

/**
 * What the builder's notes add to each draft save (bench/draft-notes.sh; not a test): the draft parsed once more, its
 * e-mails rendered with sample values ({@link MailPreview}: a confirmation in two languages, a notice, a further mail)
 * and the theme's contrast judged ({@link ThemeContrast}), as admin.DraftNotes does. Prints the median, p90 and max
 * per save over the measured rounds, in one thread.
 *
 * <p>Arguments (all optional): measured rounds (2000), warm-up rounds (2000).
 */
public final class DraftNotesBench {

    static final String FORM = """
            {"key": "anfrage", "kind": "inquiry", "language": "de", "title": "Kaufanfrage", "fields": [
              {"name": "art", "type": "select", "label": "Art", "options": ["kauf", "miete"]},
              {"name": "vorname", "type": "text", "label": "Vorname"},
              {"name": "name", "type": "text", "label": "Name"},
              {"name": "preis", "type": "number", "label": "Preis"},
              {"name": "extras", "type": "checkboxes", "label": "Extras", "options": ["Garten", "Balkon"]},
              {"name": "nachricht", "type": "textarea", "label": "Nachricht"},
              {"name": "email", "type": "email", "label": "E-Mail", "required": true, "maps": "address.Email"}],
             "emails": {"confirmation": {"subject": "Danke, {{vorname}}", "body": "<p>Ihre Anfrage: {{art}}</p>"},
                        "notice": {"to": ["responsible", "team@agentur.example"]},
                        "more": [{"to": ["chef@agentur.example"], "subject": "Kopie: {{name}}"}]},
             "translations": {"en": {"title": "Inquiry", "emails": {"confirmation": {"subject": "Thanks, {{vorname}}"}}}},
             "theme": {"accent": "#7fb3ff", "text": "#333333"}}""";

    private DraftNotesBench() {
    }

    public static void main(String[] args) throws Exception {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        JsonObject json = JsonParser.parseString(FORM).getAsJsonObject();
        DefinitionParser parser = new DefinitionParser();
        MailPreview previews = new MailPreview();
        double[] ms = new double[measured];
        int mails = 0;
        for (int i = 0; i < warmUp + measured; i++) {
            long t0 = System.nanoTime();
            FormDefinition form = parser.parse(json.deepCopy());
            mails = previews.of(form).size();
            ThemeContrast.check(Map.of("accent", "#7fb3ff", "text", "#333333"));
            if (i >= warmUp) {
                ms[i - warmUp] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf("Builder notes per draft save (parse + %d mails rendered + contrast), %d rounds after %d "
                + "warm-up:%n median %.3f ms   p90 %.3f ms   max %.3f ms%n", mails, measured, warmUp, ms[measured / 2],
                ms[(int) Math.ceil(measured * 0.9) - 1], ms[measured - 1]);
    }
}
