package org.formhaus.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One field of a form definition. {@code maps} is {@code module.field} (e.g. {@code address.Vorname}) or null.
 * Numbers are null when the definition does not set them. Immutable.
 *
 * <p>Extensions beyond the contract's minimal shape: {@code optionsFrom} ("onoffice": the options are the permitted
 * values of the mapped onOffice field, resolved from a cache before rendering and validation), {@code showIf}
 * (conditional visibility), {@code minDate}/{@code maxDate} (ISO date or "today"), {@code maxBytes}/{@code accept}
 * (file uploads), {@code unit} (shown after currency/area inputs), {@code consentVersion} (stored with a consent).
 */
public record Field(String name, FieldType type, String label, boolean required, String maps,
                    List<FieldOption> options, String placeholder, String help,
                    Integer minLength, Integer maxLength, String pattern,
                    BigDecimal min, BigDecimal max, BigDecimal step,
                    boolean prefill, String defaultValue,
                    String optionsFrom, Condition showIf, String minDate, String maxDate,
                    Long maxBytes, List<String> accept, String unit, String consentVersion) {

    public static final String OPTIONS_FROM_ONOFFICE = "onoffice";

    public Field {
        options = options == null ? List.of() : List.copyOf(options);
        accept = accept == null ? List.of() : List.copyOf(accept);
    }

    /** The contract's original shape, without the extensions. */
    public Field(String name, FieldType type, String label, boolean required, String maps,
                 List<FieldOption> options, String placeholder, String help,
                 Integer minLength, Integer maxLength, String pattern,
                 BigDecimal min, BigDecimal max, BigDecimal step,
                 boolean prefill, String defaultValue) {
        this(name, type, label, required, maps, options, placeholder, help, minLength, maxLength, pattern, min, max,
                step, prefill, defaultValue, null, null, null, null, null, List.of(), null, null);
    }

    public boolean hasOption(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }

    /** Options come from onOffice (select types with {@code optionsFrom}, and user selects). */
    public boolean dynamicOptions() {
        return type == FieldType.USERSELECT || OPTIONS_FROM_ONOFFICE.equals(optionsFrom);
    }

    /** This field with other options: how dynamic options are resolved. */
    public Field withOptions(List<FieldOption> resolved) {
        return new Field(name, type, label, required, maps, resolved, placeholder, help, minLength, maxLength, pattern,
                min, max, step, prefill, defaultValue, optionsFrom, showIf, minDate, maxDate, maxBytes, accept, unit,
                consentVersion);
    }
}
