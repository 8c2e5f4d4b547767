package org.formhaus.storage;

/** A user's place in an account: the account, the user, and the role they have there. */
public record Membership(long accountId, String accountName, long userId, String email, String displayName,
                         Role role, long joinedMs) {
}
