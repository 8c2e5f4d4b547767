package org.formhaus.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;
import org.formhaus.forms.FormDefinition;
import org.formhaus.onoffice.FieldInfo;

/**
 * A submission's values grouped by onOffice module and converted for writing: {@code module(“estate”)} gives
 * {@code {"kaufpreis": "350000", "objektart": "haus"}}. Empty values are left out; when two fields map onto the
 * same onOffice field the later one wins. Immutable once built.
 */
final class MappedValues {

    private final Map<String, Map<String, Object>> modules = new LinkedHashMap<>();
    private final List<String> summary = new ArrayList<>();

    /**
     * @throws MappingException naming the form field whose value onOffice's field cannot hold
     */
    MappedValues(FormDefinition form, Map<String, Object> values, long accountId, KnownFields known) {
        this(form, values, Map.of(), accountId, known);
    }

    /**
     * With the page's values the definition's {@code contextMaps} write ({@code context}: the submission's page
     * context, flat: {@code page}, {@code referrer}, {@code utm_*}), after the fields: a multiselect gets their keys
     * added to a field's, any other onOffice field only when no field filled it.
     *
     * @throws MappingException naming the form field or context entry whose value onOffice's field cannot hold
     */
    MappedValues(FormDefinition form, Map<String, Object> values, Map<String, String> context, long accountId,
                 KnownFields known) {
        for (Field field : form.fields()) {
            Object value = values.get(field.name());
            if (!ValueConverter.values(value).isEmpty() && field.type().carriesValue()) {
                summary.add(field.label() + ": " + String.join(", ", ValueConverter.values(value)));
            }
            if (field.maps() == null || field.type() == FieldType.FILE) {
                continue; // a file's maps only says which record it is attached to (FileSteps)
            }
            int dot = field.maps().indexOf('.');
            String module = field.maps().substring(0, dot);
            String name = field.maps().substring(dot + 1);
            if (field.type() == FieldType.RANGE && module.equals("searchcriteria") && !name.contains("__")) {
                range(field, name, value, accountId, known); // both ends: kaufpreis__von and kaufpreis__bis
                continue;
            }
            Object converted;
            try {
                converted = AddressFields.isContact(name) && module.equals("address") ? join(value)
                        : ValueConverter.convert(info(known, accountId, module, name), name, field.type(), value);
            } catch (IllegalArgumentException e) {
                throw new MappingException("Field '" + field.name() + "' (" + field.maps() + "): " + e.getMessage());
            }
            if (converted != null) {
                modules.computeIfAbsent(module, k -> new LinkedHashMap<>()).put(name, converted);
            }
        }
        addContext(form, context, accountId, known);
    }

    /** A range form field onto a search criterion's range field: {@code <name>__von} and {@code <name>__bis}. */
    private void range(Field field, String name, Object value, long accountId, KnownFields known) {
        List<String> ends = value instanceof List<?> l ? l.stream().map(v -> v == null ? "" : v.toString()).toList()
                : List.of(value == null ? "" : value.toString()); // open ends stay in place: ["", "500000"]
        String[] suffixes = {"__von", "__bis"};
        for (int i = 0; i < 2 && i < ends.size(); i++) {
            if (ends.get(i) == null || ends.get(i).isBlank()) {
                continue;
            }
            try {
                Object converted = ValueConverter.convert(info(known, accountId, "searchcriteria", name), name,
                        FieldType.NUMBER, ends.get(i));
                if (converted != null) {
                    modules.computeIfAbsent("searchcriteria", k -> new LinkedHashMap<>()).put(name + suffixes[i],
                            converted);
                }
            } catch (IllegalArgumentException e) {
                throw new MappingException("Field '" + field.name() + "' (" + field.maps() + "): " + e.getMessage());
            }
        }
    }

    /** The {@code contextMaps} entries' values, converted like a field's (a table's keys as select keys). */
    private void addContext(FormDefinition form, Map<String, String> context, long accountId, KnownFields known) {
        List<org.formhaus.forms.ContextMap> maps = org.formhaus.forms.ContextMapReader.of(form);
        for (int i = 0; i < maps.size(); i++) {
            org.formhaus.forms.ContextMap map = maps.get(i);
            String value = map.valueFor(context);
            if (value == null) {
                continue;
            }
            int dot = map.maps().indexOf('.');
            String module = map.maps().substring(0, dot);
            String name = map.maps().substring(dot + 1);
            if (form.kind() == org.formhaus.forms.FormKind.CUSTOM && !modules.containsKey(module)) {
                continue; // a custom form writes an address only when a field maps one: the page's values alone make none
            }
            Object converted;
            try {
                converted = ValueConverter.convert(info(known, accountId, module, name), name, null, value);
            } catch (IllegalArgumentException e) {
                throw new MappingException("contextMaps[" + i + "] (" + map.maps() + "): " + e.getMessage());
            }
            Map<String, Object> fields = modules.computeIfAbsent(module, k -> new LinkedHashMap<>());
            Object given = fields.get(name);
            if (converted instanceof List<?> keys && given instanceof List<?> chosen) {
                List<Object> both = new ArrayList<>(chosen);
                keys.stream().filter(k -> !both.contains(k)).forEach(both::add);
                fields.put(name, both);
            } else if (given == null && converted != null) {
                fields.put(name, converted);
            }
        }
    }

    private static FieldInfo info(KnownFields known, long accountId, String module, String name) {
        String base = module.equals("searchcriteria") ? name.replaceFirst("__(von|bis)$", "") : name;
        return known.field(accountId, module, base).orElse(null);
    }

    private static String join(Object value) {
        List<String> v = ValueConverter.values(value);
        return v.isEmpty() ? null : v.get(0);
    }

    /** The converted values of one module by onOffice field name (a copy; empty when none). */
    Map<String, Object> module(String module) {
        return new LinkedHashMap<>(modules.getOrDefault(module, Map.of()));
    }

    boolean has(String module) {
        return modules.containsKey(module);
    }

    /** One line per filled form field, "Label: value", for notes and task texts. */
    String summary() {
        return String.join("\n", summary);
    }
}
