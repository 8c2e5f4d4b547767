-- Form engine: uploaded files of submissions, and counts of rejected spam per form.
-- Runs unchanged on MariaDB and on H2 in MariaDB mode.

-- Files uploaded with a submission, written in the submission's transaction; delivery attaches them to the
-- onOffice record later. LONGBLOB: MariaDB's BLOB stops at 64 KB.
CREATE TABLE submission_file (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    submission_id CHAR(36)     NOT NULL,
    field_name    VARCHAR(100) NOT NULL,
    file_name     VARCHAR(255) NOT NULL,
    content_type  VARCHAR(200) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    content       LONGBLOB     NOT NULL,
    created_ms    BIGINT       NOT NULL
);
CREATE INDEX ix_submission_file_submission ON submission_file (submission_id);

-- Rejected spam, counted per form and reason (honeypot, token, too-fast, rate-limit); never delivered.
CREATE TABLE form_spam (
    form_key  VARCHAR(100) NOT NULL,
    reason    VARCHAR(20)  NOT NULL,
    hits      BIGINT       NOT NULL,
    last_ms   BIGINT       NOT NULL,
    PRIMARY KEY (form_key, reason)
);
