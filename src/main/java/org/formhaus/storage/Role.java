package org.formhaus.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user may do in an account. Each role covers the ones below it: an owner may do everything (users,
 * invitations, onOffice credentials and the other settings), an editor works on forms and submissions, a viewer reads.
 */
public enum Role {
    VIEWER, EDITOR, OWNER;

    /** Whether this role may do what {@code needed} may. */
    public boolean covers(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** How the role is stored and written in JSON: {@code owner}, {@code editor}, {@code viewer}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Role> ofJsonName(String name) {
        return Arrays.stream(values()).filter(r -> r.jsonName().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return jsonName();
    }
}
