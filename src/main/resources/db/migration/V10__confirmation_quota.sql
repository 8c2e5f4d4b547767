-- Confirmation e-mails per recipient address and day, so that Formhaus cannot be made to mail any address over and
-- over. One row per submission whose confirmation was considered; the address only as a SHA-256 hash. Rows older than
-- two days are deleted as new ones come. Runs on MariaDB and on H2 in MariaDB mode.
CREATE TABLE confirmation_quota (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submission_id VARCHAR(64) NOT NULL,
    address_hash  CHAR(64)    NOT NULL,
    utc_day       INT         NOT NULL,
    CONSTRAINT uq_confirmation_quota_submission UNIQUE (submission_id)
);
CREATE INDEX ix_confirmation_quota_address ON confirmation_quota (address_hash, utc_day);
CREATE INDEX ix_confirmation_quota_day ON confirmation_quota (utc_day);
