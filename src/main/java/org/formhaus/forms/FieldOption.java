package org.formhaus.forms;

/** One choice of a select, radio or checkboxes field: the value sent (an onOffice key) and the label shown. */
public record FieldOption(String value, String label) {
}
