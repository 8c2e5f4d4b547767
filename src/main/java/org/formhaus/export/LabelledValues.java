package org.formhaus.export;

import java.util.ArrayList;
import java.util.List;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldOption;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.Values;
import org.formhaus.submission.AcceptedSubmission;

/**
 * A submission's values as a person reads them: each field of the form version it was made with, in the form's
 * order, with its label and its value as text (an option's label instead of its stored value, several values joined
 * by ", "). Fields the visitor left empty are included with an empty value; layout fields (headings, paragraphs,
 * step breaks) are not. Stateless.
 */
public final class LabelledValues {

    /** One field's label and shown value; {@code name} is the field's name in the definition. */
    public record Entry(String name, String label, String value) {
    }

    private LabelledValues() {
    }

    /** The entries of {@code data} under {@code definition}; values of fields the definition lacks come last. */
    public static List<Entry> of(FormDefinition definition, AcceptedSubmission data) {
        List<Entry> out = new ArrayList<>();
        if (data == null) {
            return out;
        }
        List<String> known = new ArrayList<>();
        if (definition != null) {
            for (Field field : definition.fields()) {
                if (!field.type().carriesValue()) {
                    continue;
                }
                known.add(field.name());
                out.add(new Entry(field.name(), label(field), text(field, data.values().get(field.name()))));
            }
        }
        data.values().forEach((name, value) -> {
            if (!known.contains(name)) {
                out.add(new Entry(name, name, String.join(", ", Values.list(value))));
            }
        });
        return out;
    }

    /** The field's label, or its name when it has none. */
    public static String label(Field field) {
        return field.label() == null || field.label().isBlank() ? field.name() : field.label().strip();
    }

    /** A value as shown: option labels for option values, several joined by ", ". */
    public static String text(Field field, Object value) {
        List<String> shown = new ArrayList<>();
        for (String v : Values.list(value)) {
            shown.add(field.options().stream().filter(o -> o.value().equals(v)).map(FieldOption::label)
                    .filter(l -> l != null && !l.isBlank()).findFirst().orElse(v));
        }
        return String.join(", ", shown);
    }
}
