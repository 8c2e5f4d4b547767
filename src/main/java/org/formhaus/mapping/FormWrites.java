package org.formhaus.mapping;

import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormKind;

/**
 * What a form's submissions write to onOffice besides its mapped fields, from its kind and {@code "onoffice"} options
 * (the same {@link MappingOptions} and {@link RecordLinks} the mapper follows): an agent's-log entry, a task, a
 * calendar appointment, a project link, a price offer, written values, live rules' reads. Lets the
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

    /** Whether the agent's-log entry and task are linked to an onOffice project ({@code onoffice.project}). */
    public static boolean project(FormDefinition form) {
        return RecordLinks.of(form).project() != null;
    }

    /** Whether submissions record a price offer (DO priceOffer: write rights on the address and the estate). */
    public static boolean priceOffer(FormDefinition form) {
        return RecordLinks.of(form).priceOffer() != null;
    }

    /** Whether live-CRM rules read an existing estate. */
    public static boolean readsEstate(FormDefinition form) {
        return !RecordLinks.of(form).liveRules().isEmpty();
    }

    /** The {@code module.field}s that written values ({@code onoffice.writeValues}) modify. */
    public static java.util.List<String> writtenFields(FormDefinition form) {
        return RecordLinks.of(form).writeValues().stream().map(w -> w.module() + "." + w.field()).toList();
    }

    /** Whether submissions create a calendar appointment. */
    public static boolean appointment(FormDefinition form) {
        return form.kind() == FormKind.APPOINTMENT && !MappingOptions.of(form).appointment().asTask()
                || form.fields().stream().anyMatch(f -> f.maps() != null && f.maps().startsWith("calendar."));
    }
}
