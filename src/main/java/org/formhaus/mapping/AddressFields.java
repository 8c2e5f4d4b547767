package org.formhaus.mapping;

import java.util.Map;
import java.util.Set;

/**
 * The address module's write rules: on create and modify, contact data goes under fixed keys ({@code email},
 * {@code phone}, {@code mobile}, ...) rather than the field names it is read back as ({@code Email}, {@code Telefon1}).
 */
final class AddressFields {

    private static final Map<String, String> CONTACT_KEYS = Map.of(
            "Email", "email", "Telefon1", "phone", "Telefax1", "fax", "mobile", "mobile");
    /** The keys create/modify take for contact data; they are not in the field catalogue. */
    static final Set<String> WRITE_KEYS = Set.of("phone", "phone_private", "phone_business", "mobile", "fax",
            "fax_private", "fax_business", "email", "email_private", "email_business");

    private AddressFields() {
    }

    /** The create/modify parameter key for an address field name. */
    static String writeKey(String field) {
        return CONTACT_KEYS.getOrDefault(field, field);
    }

    static boolean isContact(String field) {
        return CONTACT_KEYS.containsKey(field) || WRITE_KEYS.contains(field);
    }

    static boolean isEmail(String field) {
        return writeKey(field).startsWith("email");
    }
}
