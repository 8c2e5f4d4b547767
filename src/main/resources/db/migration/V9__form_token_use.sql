-- Single-use form tokens (issue 15). Runs on MariaDB and on H2 in MariaDB mode.

-- The tokens of served form pages that a submission has used, each with a keyed digest of what was sent with it and
-- the id it was answered with. The primary key makes a token single-use across every instance on the database: a
-- repeat with the same values (a double click, a browser's retry) finds the row and gets the same answer and stores
-- nothing; other values are refused. Written in the same transaction as the submission (or alone, for a submission
-- the honeypot caught, so that a bot sees no difference). Rows whose token has expired are no longer needed and are
-- deleted as new ones arrive.
CREATE TABLE form_token_use (
    form_key      VARCHAR(100) NOT NULL,
    token_id      VARCHAR(64)  NOT NULL,
    values_digest VARCHAR(64)  NOT NULL,
    submission_id CHAR(36)     NOT NULL,
    expires_ms    BIGINT       NOT NULL,
    PRIMARY KEY (form_key, token_id)
);
CREATE INDEX ix_form_token_use_expires ON form_token_use (expires_ms);
