-- Form protection (issue 11). Runs on MariaDB and on H2 in MariaDB mode.

-- Places taken on forms with protection.maxSubmissions: one row per form, created before its first limited
-- submission. A submission's transaction takes a place with a conditional UPDATE (used < max), which locks the row:
-- of two instances racing for the last place, one commits and the other finds no place left.
CREATE TABLE form_quota (
    form_key VARCHAR(100) NOT NULL PRIMARY KEY,
    used     INT          NOT NULL
);

-- One-time keys used (protection.oneTimeKeys): the key's SHA-256 as the definition keeps it, never the key. Inserted
-- in the submission's transaction; the primary key refuses a second use over every instance.
CREATE TABLE form_key_use (
    form_key      VARCHAR(100) NOT NULL,
    key_hash      VARCHAR(71)  NOT NULL,
    submission_id CHAR(36)     NOT NULL,
    used_ms       BIGINT       NOT NULL,
    PRIMARY KEY (form_key, key_hash)
);

-- Wrong form passwords, per form and visitor (client: a keyed digest of the address, not the address), to slow
-- guessing over every instance. Rows older than the throttle's window are deleted as new ones arrive.
CREATE TABLE form_unlock_failure (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_key  VARCHAR(100) NOT NULL,
    client    VARCHAR(64)  NOT NULL,
    failed_ms BIGINT       NOT NULL
);
CREATE INDEX ix_form_unlock_failure ON form_unlock_failure (form_key, client, failed_ms);
