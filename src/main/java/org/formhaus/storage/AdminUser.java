package org.formhaus.storage;

/** A person who administers an account. The password hash never leaves the storage and admin packages. */
public record AdminUser(long id, long accountId, String email, String displayName, String instance,
                        String passwordHash, boolean active, long createdMs) {

    @Override
    public String toString() {
        return "AdminUser[id=" + id + ", accountId=" + accountId + ", email=" + email + ", active=" + active + "]";
    }
}
