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
 * The values a form page starts with, each field's from the strongest source that has one (README "Prefill
 * precedence"):
 * <ol>
 *   <li>the definition's {@code default};</li>
 *   <li>the value of the record an edit link loaded (fields mapped to the edited module);</li>
 *   <li>the page's URL, only for fields whose definition says {@code "prefill": true}: the query parameter of the
 *       field's name, or {@code module[field]} for the field mapped to {@code module.field}
 *       ({@code ?searchcriteria[kaufpreis]=300000}); a range takes {@code <name>_from}/{@code <name>_to} (or
 *       {@code module[field]=from,to}), checkboxes a comma-separated list; the field's name wins over the module form.
 *       The estate id of an inquiry ({@code fh_estate}, set by embed.js from the tag's {@code data-estate-id}) fills
 *       every field mapped to {@code estate.Id} on this level;</li>
 *   <li>a forced value: a hidden field without {@code prefill} (and not mapped to {@code estate.Id}) always shows its
 *       {@code default}, and onOffice gets it whatever the client posts ({@code forms.FormValidator}).</li>
 * </ol>
 * Stateless.
 */
final class Prefill {

    static final String ESTATE_PARAM = "fh_estate";
    private static final Pattern ESTATE_ID = Pattern.compile("[A-Za-z0-9_-]{1,50}");

    private Prefill() {
    }

    static Map<String, Object> values(FormDefinition form, Map<String, List<String>> query) {
        return values(form, query, Map.of());
    }

    /** @param record the loaded record's values by field name (empty without an edit link) */
    static Map<String, Object> values(FormDefinition form, Map<String, List<String>> query,
                                      Map<String, Object> record) {
        Map<String, Object> values = new LinkedHashMap<>();
        String estate = first(query, ESTATE_PARAM);
        for (Field field : form.fields()) {
            if (!field.type().carriesValue() || field.type() == FieldType.FILE) {
                continue;
            }
            Object value = field.defaultValue() == null ? null : field.type() == FieldType.CHECKBOXES
                    ? List.of(field.defaultValue().split(",")) : field.defaultValue();
            if (forced(field)) {
                putIfPresent(values, field, value); // level 4: nothing else counts
                continue;
            }
            if (record.containsKey(field.name())) {
                value = record.get(field.name());
            }
            Object fromUrl = "estate.Id".equals(field.maps()) && ESTATE_ID.matcher(estate).matches() ? estate
                    : field.prefill() ? fromUrl(field, query) : null;
            putIfPresent(values, field, fromUrl != null ? fromUrl : value);
        }
        return values;
    }

    /** A hidden field whose value the page never changes: its default is a server-side constant. */
    static boolean forced(Field field) {
        return field.type() == FieldType.HIDDEN && !field.prefill() && !"estate.Id".equals(field.maps());
    }

    private static void putIfPresent(Map<String, Object> values, Field field, Object value) {
        if (value != null) {
            values.put(field.name(), value);
        }
    }

    /** The URL's value for a field that allows prefilling; null when the URL gives none. */
    private static Object fromUrl(Field field, Map<String, List<String>> query) {
        String byModule = field.maps() == null ? "" : first(query, moduleParam(field.maps()));
        if (field.type() == FieldType.RANGE) {
            String from = first(query, field.name() + "_from");
            String to = first(query, field.name() + "_to");
            if (from.isEmpty() && to.isEmpty() && !byModule.isEmpty()) {
                String[] pair = byModule.split(",", 2);
                return List.of(pair[0].strip(), pair.length > 1 ? pair[1].strip() : "");
            }
            return from.isEmpty() && to.isEmpty() ? null : List.of(from, to);
        }
        String param = first(query, field.name());
        if (param.isEmpty()) {
            param = byModule;
        }
        if (param.isEmpty()) {
            return null;
        }
        return field.type() == FieldType.CHECKBOXES ? List.of(param.split(",")) : param;
    }

    /** {@code searchcriteria.kaufpreis} → {@code searchcriteria[kaufpreis]}. */
    static String moduleParam(String maps) {
        int dot = maps.indexOf('.');
        return maps.substring(0, dot) + "[" + maps.substring(dot + 1) + "]";
    }

    /** True when the query prefills anything, i.e. the page differs from the definition's defaults. */
    static boolean fromQuery(FormDefinition form, Map<String, List<String>> query) {
        if (query.isEmpty()) {
            return false;
        }
        for (Field field : form.fields()) {
            boolean estate = "estate.Id".equals(field.maps()) && query.containsKey(ESTATE_PARAM);
            boolean prefilled = field.prefill() && (query.containsKey(field.name())
                    || query.containsKey(field.name() + "_from") || query.containsKey(field.name() + "_to")
                    || field.maps() != null && query.containsKey(moduleParam(field.maps())));
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
