package org.formhaus.onoffice.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.formhaus.onoffice.ApiRight;

/**
 * One field of the simulator's catalogue: onOffice type, length, labels, permitted values (internal key → German and
 * English label), the table (tab) it sits on, and the extra right needed to write it (null when none).
 */
record SimField(String module, String name, String type, Integer length, String labelDe, String labelEn,
                String table, ApiRight writeRight, boolean rangeField, Map<String, String[]> values) {

    SimField withValues(String... keyDeEn) {
        Map<String, String[]> v = new LinkedHashMap<>(values);
        for (String triple : keyDeEn) {
            String[] parts = triple.split(":", 3);
            v.put(parts[0], new String[]{parts[1], parts.length > 2 ? parts[2] : parts[1]});
        }
        return new SimField(module, name, type, length, labelDe, labelEn, table, writeRight, rangeField, v);
    }

    SimField gatedBy(ApiRight right) {
        return new SimField(module, name, type, length, labelDe, labelEn, table, right, rangeField, values);
    }

    SimField range() {
        return new SimField(module, name, type, length, labelDe, labelEn, table, writeRight, true, values);
    }

    boolean select() {
        return "singleselect".equals(type) || "multiselect".equals(type);
    }

    String label(String language) {
        return "ENG".equalsIgnoreCase(language) ? labelEn : labelDe;
    }
}
