package org.formhaus.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

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
                String pattern = val == null ? "" : val.getAsString().toLowerCase(Locale.ROOT)
                        .replace(".", "\\.").replace("%", ".*");
                boolean like = text(actual).toLowerCase(Locale.ROOT).matches(pattern);
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
