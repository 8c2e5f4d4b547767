package org.formhaus.forms;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which fields a visitor sees, given the values entered so far: a field with {@code showIf} is shown when its
 * condition holds and the field it depends on is shown itself. The parser refuses cycles, so this terminates.
 * Stateless; thread-safe.
 */
public final class Visibility {

    private Visibility() {
    }

    /** Field name → shown, for every field of {@code form}; {@code valueOf} gives a field's value (String or List). */
    public static Map<String, Boolean> of(FormDefinition form, Function<String, Object> valueOf) {
        Map<String, Boolean> shown = new HashMap<>();
        for (Field f : form.fields()) {
            shown(form, f, valueOf, shown, 0);
        }
        return shown;
    }

    private static boolean shown(FormDefinition form, Field f, Function<String, Object> valueOf,
                                 Map<String, Boolean> shown, int depth) {
        Boolean known = shown.get(f.name());
        if (known != null) {
            return known;
        }
        boolean result = true;
        if (f.showIf() != null && depth < form.fields().size()) {
            Field source = form.field(f.showIf().field()).orElse(null);
            result = source != null && shown(form, source, valueOf, shown, depth + 1)
                    && f.showIf().holds(valueOf.apply(source.name()));
        }
        shown.put(f.name(), result);
        return result;
    }
}
