package org.formhaus.onoffice;

import com.google.gson.JsonObject;

/** One entry of {@code data.records}: its id as a string (onOffice sends numbers or strings), type and elements. */
public record OnOfficeRecord(String id, String type, JsonObject elements) {

    public OnOfficeRecord {
        elements = elements == null ? new JsonObject() : elements;
    }

    /** The element's value as a string, or null when absent or JSON null. */
    public String get(String field) {
        var value = elements.get(field);
        return value == null || value.isJsonNull() ? null
                : value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }
}
