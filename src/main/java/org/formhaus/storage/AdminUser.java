package org.formhaus.storage;

/**
 * A person who administers an account. The password hash never leaves the storage and admin packages.
 * {@code sessionGeneration} rises whenever the user's sessions must end (password changed or reset, user
 * deactivated): a session signed in with an older value is no longer valid.
 */
public record AdminUser(long id, long accountId, String email, String displayName, String instance,
                        String passwordHash, boolean active, long createdMs, int sessionGeneration) {

    @Override
    public String toString() {
        return "AdminUser[id=" + id + ", accountId=" + accountId + ", active=" + active + "]";
    }
}
