package org.formhaus.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The viewing slots visitors took ({@code viewing_slot_claim}). {@link #claim} runs inside a submission's
 * transaction: the table's primary key (account, agent, start) refuses a second claim of one slot, so of two visitors
 * who choose it at the same moment, on one instance or several on the database, one keeps it and the other's
 * transaction is rolled back. Thread-safe; one per application.
 */
public final class SlotClaimStore {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private final Database db;

    public SlotClaimStore(Database db) {
        this.db = db;
    }

    /**
     * Takes the slot within the caller's transaction.
     * @throws ClaimRefusedException ({@link ClaimRefusedException.Reason#SLOT_TAKEN}) when another submission has it;
     *                               the caller's transaction must roll back
     */
    static void claim(Connection c, SlotClaim slot, String submissionId, long now) throws SQLException {
        try {
            Jdbc.update(c, "INSERT INTO viewing_slot_claim (account_id, agent_id, starts_at, ends_at, submission_id, "
                            + "claimed_ms) VALUES (?, ?, ?, ?, ?, ?)", slot.accountId(), slot.agentId(),
                    slot.start().format(MINUTES), slot.end().format(MINUTES), submissionId, now);
        } catch (SQLIntegrityConstraintViolationException taken) {
            throw new ClaimRefusedException(ClaimRefusedException.Reason.SLOT_TAKEN);
        }
    }

    /** The agent's slots claimed so far that overlap {@code from} to {@code to}, earliest first. */
    public List<SlotClaim> claimed(long accountId, long agentId, LocalDateTime from, LocalDateTime to)
            throws SQLException {
        try (Connection c = db.connection()) {
            return Jdbc.query(c, row -> new SlotClaim(accountId, agentId,
                            LocalDateTime.parse(row.getString("starts_at")), LocalDateTime.parse(row.getString("ends_at"))),
                    "SELECT starts_at, ends_at FROM viewing_slot_claim WHERE account_id = ? AND agent_id = ? "
                            + "AND starts_at < ? AND ends_at > ? ORDER BY starts_at",
                    accountId, agentId, to.format(MINUTES), from.format(MINUTES));
        }
    }
}
