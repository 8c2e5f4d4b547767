package org.formhaus.mapping;

import com.google.gson.JsonObject;
import java.util.Map;

/**
 * The address module's write rules: on create and modify, contact data goes under fixed keys ({@code email},
 * {@code phone}, {@code mobile}, ...) rather than the field names it is read back as ({@code Email}, {@code Telefon1}).
 */
final class AddressFields {

    private static final Map<String, String> CONTACT_KEYS = Map.of(
            "Email", "email", "Telefon1", "phone", "Telefax1", "fax", "mobile", "mobile");

    private AddressFields() {
    }

    /** The create/modify parameter key for an address field name. */
    static String writeKey(String field) {
        return CONTACT_KEYS.getOrDefault(field, field);
    }

    static void put(JsonObject params, String field, Object value) {
        String key = writeKey(field);
        if (value instanceof java.util.List<?> list) {
            com.google.gson.JsonArray array = new com.google.gson.JsonArray();
            list.forEach(v -> array.add(String.valueOf(v)));
            params.add(key, array);
        } else {
            params.addProperty(key, String.valueOf(value));
        }
    }
}
