package org.formhaus.mapping;

import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormKind;

/**
 * What a form's submissions write to onOffice besides its mapped fields, from its kind and {@code "onoffice"} options
 * (the same {@link MappingOptions} the mapper follows): an agent's-log entry, a task, a calendar appointment. Lets the
 * connection check derive the rights a form needs from what it really does. Stateless.
 */
public final class FormWrites {

    private FormWrites() {
    }

    /** Whether each submission writes an agent's-log (activity) entry. */
    public static boolean activity(FormDefinition form) {
        return MappingOptions.of(form).activity() != null;
    }

    /** Whether submissions create a task (configured, default for owner/valuation, or an appointment as task). */
    public static boolean task(FormDefinition form) {
        MappingOptions o = MappingOptions.of(form);
        return o.task() != null || form.kind() == FormKind.APPOINTMENT && o.appointment().asTask();
    }

    /** Whether submissions create a calendar appointment. */
    public static boolean appointment(FormDefinition form) {
        return form.kind() == FormKind.APPOINTMENT && !MappingOptions.of(form).appointment().asTask()
                || form.fields().stream().anyMatch(f -> f.maps() != null && f.maps().startsWith("calendar."));
    }
}
