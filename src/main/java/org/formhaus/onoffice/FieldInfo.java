package org.formhaus.onoffice;

import java.util.Map;

/**
 * One field of an onOffice module as GET fields describes it: type ({@code varchar}, {@code text}, {@code integer},
 * {@code float}, {@code date}, {@code boolean}, {@code singleselect}, {@code multiselect}, ...), length, German and
 * English label, and for select fields the permitted values keyed by onOffice's internal keys (in onOffice's order).
 */
public record FieldInfo(String module, String name, String type, Integer length, String labelDe, String labelEn,
                        Map<String, PermittedValue> permittedValues) {

    /** One permitted value of a select field: the internal key to write, and its labels. */
    public record PermittedValue(String key, String labelDe, String labelEn) {
    }

    public FieldInfo {
        permittedValues = permittedValues == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(permittedValues));
    }

    public boolean isSelect() {
        return "singleselect".equals(type) || "multiselect".equals(type);
    }

    /** The label in "de" or "en" (falls back to the other language, then to the field name). */
    public String label(String language) {
        String first = "en".equalsIgnoreCase(language) ? labelEn : labelDe;
        String second = "en".equalsIgnoreCase(language) ? labelDe : labelEn;
        return first != null ? first : second != null ? second : name;
    }
}
