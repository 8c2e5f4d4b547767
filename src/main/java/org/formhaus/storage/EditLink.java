package org.formhaus.storage;

/**
 * One edit link as stored (table {@code edit_link}): never the token itself, only its SHA-256. {@code recordId} is
 * null until the link is first opened when it names a record its source submission was still creating
 * ({@code sourceSubmission} + {@code recordKey}: that record's key in the submission's records). {@code revokedMs}
 * is null while the link is not revoked. Immutable.
 */
public record EditLink(String id, String tokenHash, long accountId, String formKey, String module, String recordId,
                       String sourceSubmission, String recordKey, long createdMs, long expiresMs, Long revokedMs) {

    public boolean revoked() {
        return revokedMs != null;
    }

    public boolean expiredAt(long nowMs) {
        return nowMs >= expiresMs;
    }

    public EditLink withRecordId(String id) {
        return new EditLink(this.id, tokenHash, accountId, formKey, module, id, sourceSubmission, recordKey, createdMs,
                expiresMs, revokedMs);
    }

    @Override
    public String toString() {
        return "EditLink[" + id + " " + formKey + " " + module + (revoked() ? " revoked" : "") + "]";
    }
}
