package org.formhaus.forms;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The per-form theme: a few CSS custom properties, each value checked against a strict pattern, because the values
 * end up inside a {@code <style>} element where HTML escaping does not protect. Stateless.
 */
final class ThemeRules {

    private static final Pattern COLOUR = Pattern.compile(
            "#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\\([0-9., %/]{1,40}\\)|[a-zA-Z]{3,20}");
    private static final Pattern FONT = Pattern.compile("[\\p{L}0-9 ,'\"\\-]{1,200}");
    private static final Pattern LENGTH = Pattern.compile("0|[0-9]{1,3}(\\.[0-9]{1,2})?(px|rem|em|%)");
    /** Theme key → pattern; the key becomes the custom property {@code --fh-<key>}. */
    static final Map<String, Pattern> KEYS = Map.of(
            "accent", COLOUR, "text", COLOUR, "background", COLOUR, "error", COLOUR, "border", COLOUR,
            "font", FONT, "radius", LENGTH, "fontSize", LENGTH);

    private ThemeRules() {
    }

    /** The definition's {@code theme}: each key known and each value matching its pattern, else a problem. */
    static Map<String, String> read(ObjectReader definition) {
        Map<String, String> theme = new LinkedHashMap<>();
        JsonElement raw = definition.raw("theme");
        if (raw == null || raw.isJsonNull()) {
            return theme;
        }
        ObjectReader at = definition.object("theme");
        if (at == null) {
            definition.problem("theme", "must be an object");
            return theme;
        }
        for (Map.Entry<String, JsonElement> e : raw.getAsJsonObject().entrySet()) {
            Pattern pattern = KEYS.get(e.getKey());
            if (pattern == null) {
                at.problem(e.getKey(), "unknown theme key; one of "
                        + String.join(", ", KEYS.keySet().stream().sorted().toList()));
            } else if (!e.getValue().isJsonPrimitive() || !pattern.matcher(e.getValue().getAsString()).matches()) {
                at.problem(e.getKey(), "is not an allowed value"
                        + (pattern == FONT ? " (letters, digits, spaces, commas, quotes, '-')"
                        : pattern == LENGTH ? " (e.g. 4px, 0.5rem)" : " (a colour: #1d4ed8, rgb(...), or a name)"));
            } else {
                theme.put(e.getKey(), e.getValue().getAsString());
            }
        }
        return theme;
    }
}
