package org.formhaus.options;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldOption;
import org.formhaus.forms.FieldType;
import org.formhaus.onoffice.UserIdFields;

/**
 * What forms may offer from one onOffice account: the permitted values of its select fields ({@code "address.Anrede"}
 * → keys with German and English labels) and its users (user name → display name, and user name → ID for the
 * fields that take a user's ID, {@link UserIdFields}). Stored as JSON, so it outlives a
 * restart and is shared by every instance on the database. Immutable.
 *
 * <pre>{@code
 * List<FieldOption> salutations = catalogue.options(field, "de");   // field maps address.Anrede
 * }</pre>
 */
public record OptionsCatalogue(Map<String, List<Choice>> fields, List<Choice> users, Map<String, String> userIds) {

    /** The empty catalogue: no options known. */
    public static final OptionsCatalogue EMPTY = new OptionsCatalogue(Map.of(), List.of());

    /** One choice: the key to submit and its labels (either may be empty; the key is shown then). */
    public record Choice(String key, String labelDe, String labelEn) {

        String label(String language) {
            return "en".equals(language) ? first(labelEn, labelDe, key) : first(labelDe, labelEn, key);
        }
    }

    /**
     * @param fields  keyed by {@link #fieldKey(String, String)}
     * @param userIds user name → onOffice user ID, for user choices written to a field that takes the ID
     */
    public OptionsCatalogue {
        Map<String, List<Choice>> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        fields = java.util.Collections.unmodifiableMap(copy);
        users = List.copyOf(users);
        userIds = Map.copyOf(userIds);
    }

    /** Without user IDs: user choices submit names only. */
    public OptionsCatalogue(Map<String, List<Choice>> fields, List<Choice> users) {
        this(fields, users, Map.of());
    }

    /** The key of an onOffice field: module in lower case (onOffice writes agentsLog, forms agentslog), dot, name. */
    public static String fieldKey(String module, String name) {
        return module.toLowerCase(Locale.ROOT) + "." + name;
    }

    /** The options of a field with onOffice options, labelled in {@code language}; empty when none are known. */
    public List<FieldOption> options(Field field, String language) {
        List<Choice> choices;
        if (field.type() == FieldType.USERSELECT) {
            // A user field that takes the ID (estate.benutzer) submits the ID; users whose ID is unknown are left out.
            choices = !UserIdFields.takesId(field.maps()) ? users : users.stream()
                    .filter(u -> userIds.containsKey(u.key()))
                    .map(u -> new Choice(userIds.get(u.key()), u.labelDe(), u.labelEn())).toList();
        } else {
            int dot = field.maps() == null ? -1 : field.maps().indexOf('.');
            choices = dot < 0 ? List.of() : fields.getOrDefault(
                    fieldKey(field.maps().substring(0, dot), field.maps().substring(dot + 1)), List.of());
        }
        List<FieldOption> options = new ArrayList<>(choices.size());
        choices.forEach(c -> options.add(new FieldOption(c.key(), c.label(language))));
        return options;
    }

    String toJson() {
        JsonObject json = new JsonObject();
        JsonObject byField = new JsonObject();
        fields.forEach((key, choices) -> byField.add(key, array(choices)));
        json.add("fields", byField);
        json.add("users", array(users));
        JsonObject ids = new JsonObject();
        userIds.forEach(ids::addProperty);
        json.add("userIds", ids);
        return json.toString();
    }

    static OptionsCatalogue fromJson(String text) {
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        Map<String, List<Choice>> fields = new LinkedHashMap<>();
        json.getAsJsonObject("fields").entrySet().forEach(e -> fields.put(e.getKey(), choices(e.getValue())));
        Map<String, String> userIds = new LinkedHashMap<>();
        if (json.has("userIds")) { // catalogues stored before user IDs were kept have none until their next refresh
            json.getAsJsonObject("userIds").entrySet().forEach(e -> userIds.put(e.getKey(), e.getValue().getAsString()));
        }
        return new OptionsCatalogue(fields, choices(json.get("users")), userIds);
    }

    private static JsonArray array(List<Choice> choices) {
        JsonArray out = new JsonArray();
        for (Choice c : choices) {
            JsonArray one = new JsonArray();
            one.add(c.key());
            one.add(c.labelDe());
            one.add(c.labelEn());
            out.add(one);
        }
        return out;
    }

    private static List<Choice> choices(JsonElement array) {
        List<Choice> out = new ArrayList<>();
        for (JsonElement e : array.getAsJsonArray()) {
            JsonArray one = e.getAsJsonArray();
            out.add(new Choice(text(one.get(0)), text(one.get(1)), text(one.get(2))));
        }
        return out;
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return "";
    }
}
