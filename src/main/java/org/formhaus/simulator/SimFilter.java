package org.formhaus.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** onOffice's {@code filter} parameter: field → [{"op": "=", "val": x}, ...], all conditions must hold. Stateless. */
final class SimFilter {

    private SimFilter() {
    }

    static boolean matches(JsonObject record, JsonObject filter) {
        for (Map.Entry<String, JsonElement> f : filter.entrySet()) {
            JsonArray conditions = f.getValue().isJsonArray() ? f.getValue().getAsJsonArray() : new JsonArray();
            for (JsonElement c : conditions) {
                if (!c.isJsonObject()) continue;
                JsonObject cond = c.getAsJsonObject();
                if (!holds(record.get(f.getKey()), SimJson.str(cond, "op"), cond.get("val"))) return false;
            }
        }
        return true;
    }

    private static boolean holds(JsonElement actual, String op, JsonElement val) {
        String o = op == null ? "=" : op.trim().toLowerCase(Locale.ROOT);
        switch (o) {
            case "in", "not in" -> {
                boolean in = false;
                if (val != null && val.isJsonArray()) {
                    for (JsonElement v : val.getAsJsonArray()) in |= compare(actual, v) == 0;
                }
                return o.equals("in") == in;
            }
            case "like", "not like" -> {
                boolean like = like(val == null ? "" : val.getAsString()).matcher(text(actual)).matches();
                return o.equals("like") == like;
            }
            default -> {
                int c = compare(actual, val);
                return switch (o) {
                    case "!=", "<>" -> c != 0;
                    case "<" -> c < 0;
                    case ">" -> c > 0;
                    case "<=" -> c <= 0;
                    case ">=" -> c >= 0;
                    default -> c == 0;
                };
            }
        }
    }

    /**
     * SQL's LIKE as a pattern: {@code %} any text (line breaks too), {@code _} one character, everything else literal,
     * case-insensitive as MySQL's default collations compare.
     */
    static Pattern like(String sqlPattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char ch : sqlPattern.toCharArray()) {
            if (ch == '%' || ch == '_') {
                regex.append(Pattern.quote(literal.toString())).append(ch == '%' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(ch);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static int compare(JsonElement a, JsonElement b) {
        String x = text(a);
        String y = text(b);
        try {
            return new BigDecimal(x.isEmpty() ? "0" : x).compareTo(new BigDecimal(y.isEmpty() ? "0" : y));
        } catch (NumberFormatException e) {
            return x.compareToIgnoreCase(y);
        }
    }

    private static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) return "";
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
