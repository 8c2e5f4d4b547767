package org.formhaus.forms;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
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

    static Map<String, String> parse(JsonElement raw, List<DefinitionException.Problem> problems) {
        Map<String, String> theme = new LinkedHashMap<>();
        if (raw == null || raw.isJsonNull()) {
            return theme;
        }
        if (!raw.isJsonObject()) {
            problems.add(new DefinitionException.Problem("theme", "must be an object"));
            return theme;
        }
        for (Map.Entry<String, JsonElement> e : ((JsonObject) raw).entrySet()) {
            String place = "theme." + e.getKey();
            Pattern pattern = KEYS.get(e.getKey());
            if (pattern == null) {
                problems.add(new DefinitionException.Problem(place, "unknown theme key; one of "
                        + String.join(", ", KEYS.keySet().stream().sorted().toList())));
            } else if (!e.getValue().isJsonPrimitive() || !pattern.matcher(e.getValue().getAsString()).matches()) {
                problems.add(new DefinitionException.Problem(place, "is not an allowed value"
                        + (pattern == FONT ? " (letters, digits, spaces, commas, quotes, '-')"
                        : pattern == LENGTH ? " (e.g. 4px, 0.5rem)" : " (a colour: #1d4ed8, rgb(...), or a name)")));
            } else {
                theme.put(e.getKey(), e.getValue().getAsString());
            }
        }
        return theme;
    }
}
