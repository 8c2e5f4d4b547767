package org.formhaus.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormValidator;

/**
 * The values a form page starts with: the definition's defaults, then query parameters for the fields whose
 * definition says {@code "prefill": true} (a range takes {@code <name>_from}/{@code <name>_to}, checkboxes a
 * comma-separated list), and the estate id of an inquiry ({@code fh_estate}, set by embed.js from the tag's
 * {@code data-estate-id}) for every field mapped to {@code estate.Id}. Stateless.
 */
final class Prefill {

    static final String ESTATE_PARAM = "fh_estate";
    private static final Pattern ESTATE_ID = Pattern.compile("[A-Za-z0-9_-]{1,50}");

    private Prefill() {
    }

    static Map<String, Object> values(FormDefinition form, Map<String, List<String>> query) {
        Map<String, Object> values = new LinkedHashMap<>();
        String estate = first(query, ESTATE_PARAM);
        for (Field field : form.fields()) {
            if (!field.type().carriesValue() || field.type() == FieldType.FILE) {
                continue;
            }
            if ("estate.Id".equals(field.maps()) && ESTATE_ID.matcher(estate).matches()) {
                values.put(field.name(), estate);
            } else if (field.prefill() && field.type() == FieldType.RANGE) {
                values.put(field.name(), List.of(first(query, field.name() + "_from"), first(query, field.name() + "_to")));
            } else if (field.prefill() && !first(query, field.name()).isEmpty()) {
                String param = first(query, field.name());
                values.put(field.name(), field.type() == FieldType.CHECKBOXES ? List.of(param.split(",")) : param);
            } else if (field.defaultValue() != null) {
                values.put(field.name(), field.type() == FieldType.CHECKBOXES
                        ? List.of(field.defaultValue().split(",")) : field.defaultValue());
            }
        }
        return values;
    }

    /** True when the query prefills anything, i.e. the page differs from the definition's defaults. */
    static boolean fromQuery(FormDefinition form, Map<String, List<String>> query) {
        if (query.isEmpty()) {
            return false;
        }
        for (Field field : form.fields()) {
            boolean estate = "estate.Id".equals(field.maps()) && query.containsKey(ESTATE_PARAM);
            boolean prefilled = field.prefill() && (query.containsKey(field.name())
                    || query.containsKey(field.name() + "_from") || query.containsKey(field.name() + "_to"));
            if (estate || prefilled) {
                return true;
            }
        }
        return false;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        String s = v == null || v.isEmpty() ? "" : v.get(0).strip();
        return s.length() > FormValidator.MAX_LINE ? s.substring(0, FormValidator.MAX_LINE) : s;
    }
}
