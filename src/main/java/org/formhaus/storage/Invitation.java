package org.formhaus.storage;

/**
 * An invitation into an account, as its owner sees it: never the link's token, only an id (the first characters of
 * its hash), the role it gives, the owner's note, who invited, and until when it may be used (once).
 */
public record Invitation(String id, long accountId, Role role, String note, String invitedBy, long createdMs,
                         long expiresMs, Long usedMs) {

    public boolean open(long now) {
        return usedMs == null && now < expiresMs;
    }
}
