package org.formhaus.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One field of a form definition. {@code maps} is {@code module.field} (e.g. {@code address.Vorname}) or null.
 * Numbers are null when the definition does not set them.
 */
public record Field(String name, FieldType type, String label, boolean required, String maps,
                    List<FieldOption> options, String placeholder, String help,
                    Integer minLength, Integer maxLength, String pattern,
                    BigDecimal min, BigDecimal max, BigDecimal step,
                    boolean prefill, String defaultValue) {

    public Field {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean hasOption(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }
}
