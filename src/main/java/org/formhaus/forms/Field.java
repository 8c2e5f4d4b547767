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
 * (file uploads), {@code unit} (shown after currency/area inputs), {@code consentVersion} (stored with a consent),
 * {@code width} (full or half a row), {@code hiddenOptions} (option values never offered: {@link #options()} holds
 * only the offered ones, so a hidden value sent is refused like any unknown one).
 *
 * <p>Build one with {@link #builder}; what is not set stays null (false, empty):
 * <pre>{@code
 * Field email = Field.builder("email", FieldType.EMAIL).label("E-Mail").required(true).maps("address.Email").build();
 * }</pre>
 */
public record Field(String name, FieldType type, String label, boolean required, String maps,
                    List<FieldOption> options, String placeholder, String help,
                    Integer minLength, Integer maxLength, String pattern,
                    BigDecimal min, BigDecimal max, BigDecimal step,
                    boolean prefill, String defaultValue,
                    String optionsFrom, Condition showIf, String minDate, String maxDate,
                    Long maxBytes, List<String> accept, String unit, String consentVersion,
                    Width width, List<String> hiddenOptions) {

    public static final String OPTIONS_FROM_ONOFFICE = "onoffice";

    /** How wide the field is shown: the whole row, or half of it (two half fields share a row on wide screens). */
    public enum Width {
        FULL, HALF;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Field {
        accept = accept == null ? List.of() : List.copyOf(accept);
        width = width == null ? Width.FULL : width;
        hiddenOptions = hiddenOptions == null ? List.of() : List.copyOf(hiddenOptions);
        // A hidden option is never offered: not shown, and refused when sent (static options and onOffice's alike,
        // since dynamic options are resolved through withOptions, which comes here too).
        List<String> hide = hiddenOptions;
        options = options == null ? List.of() : options.stream().filter(o -> !hide.contains(o.value())).toList();
    }

    /** The contract's original shape, without the extensions. */
    public Field(String name, FieldType type, String label, boolean required, String maps,
                 List<FieldOption> options, String placeholder, String help,
                 Integer minLength, Integer maxLength, String pattern,
                 BigDecimal min, BigDecimal max, BigDecimal step,
                 boolean prefill, String defaultValue) {
        this(name, type, label, required, maps, options, placeholder, help, minLength, maxLength, pattern, min, max,
                step, prefill, defaultValue, null, null, null, null, null, List.of(), null, null, null, List.of());
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
        return toBuilder().options(resolved).build();
    }

    /** A field named {@code name} of {@code type}, labelled with its name until {@link Builder#label} says otherwise. */
    public static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** A builder holding every attribute of this field. */
    public Builder toBuilder() {
        return new Builder(name, type).label(label).required(required).maps(maps).options(options)
                .placeholder(placeholder).help(help).minLength(minLength).maxLength(maxLength).pattern(pattern)
                .min(min).max(max).step(step).prefill(prefill).defaultValue(defaultValue).optionsFrom(optionsFrom)
                .showIf(showIf).minDate(minDate).maxDate(maxDate).maxBytes(maxBytes).accept(accept).unit(unit)
                .consentVersion(consentVersion).width(width).hiddenOptions(hiddenOptions);
    }

    /** Collects a field's attributes; {@link #build()} makes the immutable {@link Field}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private String label;
        private boolean required;
        private String maps;
        private List<FieldOption> options = List.of();
        private String placeholder;
        private String help;
        private Integer minLength;
        private Integer maxLength;
        private String pattern;
        private BigDecimal min;
        private BigDecimal max;
        private BigDecimal step;
        private boolean prefill;
        private String defaultValue;
        private String optionsFrom;
        private Condition showIf;
        private String minDate;
        private String maxDate;
        private Long maxBytes;
        private List<String> accept = List.of();
        private String unit;
        private String consentVersion;
        private Width width;
        private List<String> hiddenOptions = List.of();

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
            this.label = name;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        public Builder maps(String maps) {
            this.maps = maps;
            return this;
        }

        public Builder options(List<FieldOption> options) {
            this.options = options;
            return this;
        }

        public Builder placeholder(String placeholder) {
            this.placeholder = placeholder;
            return this;
        }

        public Builder help(String help) {
            this.help = help;
            return this;
        }

        public Builder minLength(Integer minLength) {
            this.minLength = minLength;
            return this;
        }

        public Builder maxLength(Integer maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public Builder pattern(String pattern) {
            this.pattern = pattern;
            return this;
        }

        public Builder min(BigDecimal min) {
            this.min = min;
            return this;
        }

        public Builder max(BigDecimal max) {
            this.max = max;
            return this;
        }

        public Builder step(BigDecimal step) {
            this.step = step;
            return this;
        }

        public Builder prefill(boolean prefill) {
            this.prefill = prefill;
            return this;
        }

        public Builder defaultValue(String defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        public Builder optionsFrom(String optionsFrom) {
            this.optionsFrom = optionsFrom;
            return this;
        }

        public Builder showIf(Condition showIf) {
            this.showIf = showIf;
            return this;
        }

        public Builder minDate(String minDate) {
            this.minDate = minDate;
            return this;
        }

        public Builder maxDate(String maxDate) {
            this.maxDate = maxDate;
            return this;
        }

        public Builder maxBytes(Long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        public Builder accept(List<String> accept) {
            this.accept = accept;
            return this;
        }

        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        public Builder consentVersion(String consentVersion) {
            this.consentVersion = consentVersion;
            return this;
        }

        public Builder width(Width width) {
            this.width = width;
            return this;
        }

        /** Option values never offered to the visitor (e.g. an onOffice permitted value the agency does not use). */
        public Builder hiddenOptions(List<String> hiddenOptions) {
            this.hiddenOptions = hiddenOptions;
            return this;
        }

        public Field build() {
            return new Field(name, type, label, required, maps, options, placeholder, help, minLength, maxLength,
                    pattern, min, max, step, prefill, defaultValue, optionsFrom, showIf, minDate, maxDate, maxBytes,
                    accept, unit, consentVersion, width, hiddenOptions);
        }
    }
}
