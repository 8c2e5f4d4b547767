package org.formhaus.forms;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link Rule} does to one field while its condition holds. {@code options}: the option values
 * {@code hideOptions} hides; {@code value}: what {@code setValue} sets; {@code expression} and {@code decimals}: what
 * {@code calculate} computes and to how many decimal places the result is rounded (half-up, trailing zeros dropped);
 * {@code text}: the label or help {@code setLabel}/{@code setHelp} shows. Immutable.
 */
public record RuleAction(Kind kind, String field, List<String> options, String value, Expression expression,
                         int decimals, String text) {

    /** The actions, by their JSON name. */
    public enum Kind {
        SHOW("show"), HIDE("hide"), REQUIRE("require"), LOCK("lock"), HIDE_OPTIONS("hideOptions"),
        SET_VALUE("setValue"), CALCULATE("calculate"), SET_LABEL("setLabel"), SET_HELP("setHelp");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        static Optional<Kind> fromJson(String name) {
            return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
        }
    }

    /** Decimal places of a calculation's result when the definition gives none. */
    public static final int DEFAULT_DECIMALS = 2;

    public RuleAction {
        options = options == null ? List.of() : List.copyOf(options);
    }

    static RuleAction of(Kind kind, String field) {
        return new RuleAction(kind, field, List.of(), null, null, DEFAULT_DECIMALS, null);
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("action", kind.jsonName());
        o.addProperty("field", field);
        if (!options.isEmpty()) {
            JsonArray a = new JsonArray();
            options.forEach(a::add);
            o.add("options", a);
        }
        if (value != null) {
            o.addProperty("value", value);
        }
        if (expression != null) {
            o.add("expression", expression.toJson());
            o.addProperty("decimals", decimals);
        }
        if (text != null) {
            o.addProperty("text", text);
        }
        return o;
    }
}
