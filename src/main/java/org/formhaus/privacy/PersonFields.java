package org.formhaus.privacy;

import java.util.Locale;
import java.util.Set;
import org.formhaus.forms.Field;
import org.formhaus.forms.FieldType;

/**
 * Which fields of a form say who the visitor is: e-mail fields (type {@code email}, or mapped to
 * {@code address.Email}) and name fields (mapped to {@code address.Vorname}, {@code address.Name} or
 * {@code address.Firma}, or named like a name: vorname, nachname, name, firstname, lastname, ...). Stateless.
 */
public final class PersonFields {

    private static final Set<String> NAME_MAPS = Set.of("address.vorname", "address.name", "address.firma");
    private static final Set<String> NAME_NAMES = Set.of("vorname", "nachname", "name", "firstname", "first_name",
            "lastname", "last_name", "fullname", "full_name", "firma", "company");

    private PersonFields() {
    }

    public static boolean isEmail(Field field) {
        return field.type() == FieldType.EMAIL || "address.email".equals(lower(field.maps()));
    }

    public static boolean isName(Field field) {
        if (field.type() != FieldType.TEXT) {
            return false;
        }
        return NAME_MAPS.contains(lower(field.maps())) || NAME_NAMES.contains(lower(field.name()));
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
