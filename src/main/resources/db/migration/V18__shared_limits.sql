-- Limits shared by every instance on the database (issue 14, scale-out). Runs on MariaDB and on H2 in MariaDB mode.

-- Sliding windows of event times by key: the per-client and per-form rate limits of submissions, the sign-in
-- throttle's failures per email and per address, and the proof-of-work challenges already used. limit_key is an HMAC
-- of the key (which holds client addresses or emails), times the event times in ms, oldest first, comma-separated.
-- An update locks the row, so instances count together. A row is deleted after expires_ms.
CREATE TABLE limit_window (
    limit_key  CHAR(64)   NOT NULL PRIMARY KEY,
    times      MEDIUMTEXT NOT NULL,
    expires_ms BIGINT     NOT NULL
);
CREATE INDEX ix_limit_window_expires ON limit_window (expires_ms);
