package org.formhaus.forms;

import java.util.ArrayList;
import java.util.List;

/** Reading submission values, which are a String, or a List of String for checkboxes and ranges. */
public final class Values {

    private Values() {
    }

    /** The non-empty strings of a value: a String becomes a list of one, empty strings are left out. */
    public static List<String> list(Object value) {
        if (value instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object v : l) {
                if (v != null && !v.toString().isEmpty()) {
                    out.add(v.toString());
                }
            }
            return out;
        }
        return value == null || value.toString().isEmpty() ? List.of() : List.of(value.toString());
    }

    /** The first value or "". */
    public static String first(Object value) {
        List<String> all = list(value);
        return all.isEmpty() ? "" : all.get(0);
    }
}
