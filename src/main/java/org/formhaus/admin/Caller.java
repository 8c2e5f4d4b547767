package org.formhaus.admin;

import org.formhaus.audit.SecurityEventKind;
import org.formhaus.audit.SecurityLog;
import org.formhaus.storage.Role;

/**
 * Who is calling the admin API: the account, the user (signed in, or the owner of the API token used), for a token
 * its id, and the user's role in the account. Put on the request by {@link AdminAuthFilter}; lives as long as the
 * request.
 */
record Caller(long accountId, long userId, String tokenId, SecurityLog log, Role role) {

    /** Records a security event of the caller's account, done by the caller (and with which token). */
    void record(SecurityEventKind kind, String detail) {
        String via = tokenId == null ? "" : (detail.isEmpty() ? "" : ", ") + "via API token " + tokenId;
        log.record(accountId, userId, kind, detail + via);
    }
}
