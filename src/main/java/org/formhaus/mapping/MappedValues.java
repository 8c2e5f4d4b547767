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
