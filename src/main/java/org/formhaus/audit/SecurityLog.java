package org.formhaus.audit;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.formhaus.storage.SecurityEvent;
import org.formhaus.storage.SecurityEventStore;

/**
 * The security event log: each event is stored with its account (shown to the account's owner in the admin UI) and
 * written as one line to the server log under the logger {@value #LOGGER}. Neither carries secrets or personal
 * data: users appear by id, tokens by id (a hash prefix), never emails, passwords, tokens or client addresses.
 * Thread-safe; one per application.
 *
 * <pre>{@code
 * log.record(user.accountId(), user.id(), SecurityEventKind.SIGN_IN, "password");
 * // server log: security event sign-in account=3 user=7 detail="password"
 * }</pre>
 */
public final class SecurityLog {

    /** The server log's logger name, so that operators can route these lines on their own. */
    public static final String LOGGER = "org.formhaus.security";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final SecurityEventStore store;
    private final Clock clock;

    public SecurityLog(SecurityEventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records an event of {@code accountId}. When the database cannot take it, the server log still has it (with a
     * warning): the action it describes is not undone for that.
     *
     * @param userId who did it or whom it concerns; null when nobody in particular
     * @param detail what else helps to understand it; never a secret or personal data
     */
    public void record(long accountId, Long userId, SecurityEventKind kind, String detail) {
        String line = line(kind, Long.toString(accountId), userId, detail);
        LOG.log(Level.INFO, line);
        try {
            store.add(accountId, clock.millis(), kind.key(), userId, detail);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not store " + line + ": " + e.getMessage());
        }
    }

    /** An event that belongs to no known account (e.g. a sign-in with an unknown email): server log only. */
    public void unattributed(SecurityEventKind kind, String detail) {
        LOG.log(Level.INFO, line(kind, "-", null, detail));
    }

    /** The account's newest {@code limit} events, newest first. */
    public List<SecurityEvent> recent(long accountId, int limit) throws SQLException {
        return store.recent(accountId, limit);
    }

    /** One line: control characters, quotes and backslashes in the detail become {@code _}, so it cannot forge lines. */
    static String line(SecurityEventKind kind, String account, Long userId, String detail) {
        return "security event " + kind.key() + " account=" + account + " user=" + (userId == null ? "-" : userId)
                + " detail=\"" + detail.replaceAll("[\\p{Cntrl}\"\\\\]", "_") + "\"";
    }
}
