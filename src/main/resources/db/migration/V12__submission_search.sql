-- The agency's workspace: submissions list, search, data-subject requests (issue #13). Runs on MariaDB and on H2 in
-- MariaDB mode.

-- Keyset pagination over an account's submissions, newest first, with or without a form or status filter: each
-- page is one index range (account, [form | status,] created_ms, id), whatever the page number.
CREATE INDEX ix_submission_page ON submission (account_id, created_ms, id);
CREATE INDEX ix_submission_form_page ON submission (account_id, form_key, created_ms, id);
CREATE INDEX ix_submission_status_page ON submission (account_id, status, created_ms, id);

-- What a submission can be found by, written in the submission's transaction: the keyed hash (HMAC-SHA-256 under the
-- instance setting 'search.term.key') of each e-mail address it carries and of each word of its name fields, after
-- normalising (NFKC, lower case). Searching by name or e-mail and a data-subject request look terms up here instead of
-- reading every submission's data; no name or address is stored in clear. Deleted with the submission's data
-- (retention, privacy mode, erasure).
CREATE TABLE submission_term (
    submission_id CHAR(36) NOT NULL,
    account_id    BIGINT   NOT NULL,
    term          CHAR(64) NOT NULL,
    PRIMARY KEY (submission_id, term)
);
CREATE INDEX ix_submission_term_lookup ON submission_term (account_id, term, submission_id);

-- Data-subject requests (GDPR Art. 15 and 17) an account's admins ran: what was asked (find, export, erase), by whom,
-- and how many submissions and files it concerned. The address is kept only as 'address_tag', the first 8 hex digits
-- of its keyed hash: enough to show that a given address's request was handled (recompute and compare), too short to
-- tell which address it was.
CREATE TABLE data_subject_request (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT      NOT NULL,
    user_id     BIGINT      NULL,
    action      VARCHAR(20) NOT NULL,
    address_tag CHAR(8)     NOT NULL,
    submissions INT         NOT NULL,
    files       INT         NOT NULL,
    occurred_ms BIGINT      NOT NULL,
    CONSTRAINT fk_data_subject_request_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_data_subject_request_account ON data_subject_request (account_id, occurred_ms);
