package org.formhaus.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * How many confirmation e-mails each recipient address got on a day (UTC), counted in the database so that every
 * instance sharing it counts together. A submission is admitted when it is among the first {@code perDay} of its
 * address that day; asking again for the same submission (a delivery tried again) gives the same answer and counts
 * nothing new. Addresses are stored only as SHA-256 hashes, and rows are kept two days. Thread-safe; one per
 * application.
 */
public final class ConfirmationQuota {

    private static final long DAY_MS = 86_400_000L;

    private final Database db;
    private final int perDay;

    /** @param perDay confirmations per address and day; 0: no limit */
    public ConfirmationQuota(Database db, int perDay) {
        if (perDay < 0) throw new IllegalArgumentException("perDay must not be negative, is " + perDay);
        this.db = db;
        this.perDay = perDay;
    }

    /** True when {@code submissionId}'s confirmation to {@code address} may be sent. */
    public boolean admits(String submissionId, String address, long nowMs) throws SQLException {
        if (perDay == 0) {
            return true;
        }
        String hash = hash(address);
        int day = (int) (nowMs / DAY_MS);
        try (Connection c = db.connection()) {
            Optional<Object[]> mine = mine(c, submissionId);
            if (mine.isEmpty()) {
                Jdbc.update(c, "DELETE FROM confirmation_quota WHERE utc_day < ?", day - 1);
                try {
                    Jdbc.update(c, "INSERT INTO confirmation_quota (submission_id, address_hash, utc_day) "
                            + "VALUES (?, ?, ?)", submissionId, hash, day);
                } catch (SQLException raced) {
                    // Another instance counted this submission meanwhile; its row decides.
                }
                mine = mine(c, submissionId);
            }
            Object[] row = mine.orElseThrow(() -> new SQLException("confirmation_quota row of a submission vanished"));
            long earlier = Jdbc.one(c, r -> r.getLong(1),
                    "SELECT COUNT(*) FROM confirmation_quota WHERE address_hash = ? AND utc_day = ? AND id <= ?",
                    row[1], row[2], row[0]).orElse(0L);
            return earlier <= perDay;
        }
    }

    private static Optional<Object[]> mine(Connection c, String submissionId) throws SQLException {
        return Jdbc.one(c, r -> new Object[] {r.getLong(1), r.getString(2), r.getInt(3)},
                "SELECT id, address_hash, utc_day FROM confirmation_quota WHERE submission_id = ?", submissionId);
    }

    private static String hash(String address) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(address.strip().toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
