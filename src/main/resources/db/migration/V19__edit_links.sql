-- Edit links (issue 12): a link that opens an existing onOffice record in a form, whose submission modifies that
-- record. Only the SHA-256 of the link's token is kept (token_hash, hex), never the token. A link is bound to its
-- account, the form that edits, the module and the record; record_id stays empty until the first open when the link
-- names a record the source submission was still creating when its e-mail was written (source_submission +
-- record_key: the key of that record in the submission's records). Runs on MariaDB and on H2 in MariaDB mode.
CREATE TABLE edit_link (
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    token_hash        CHAR(64)     NOT NULL,
    account_id        BIGINT       NOT NULL,
    form_key          VARCHAR(100) NOT NULL,
    module            VARCHAR(20)  NOT NULL,
    record_id         VARCHAR(40),
    source_submission CHAR(36),
    record_key        VARCHAR(60),
    created_ms        BIGINT       NOT NULL,
    expires_ms        BIGINT       NOT NULL,
    revoked_ms        BIGINT,
    CONSTRAINT uq_edit_link_token UNIQUE (token_hash)
);
CREATE INDEX ix_edit_link_form ON edit_link (account_id, form_key);
CREATE INDEX ix_edit_link_record ON edit_link (account_id, module, record_id);
CREATE INDEX ix_edit_link_source ON edit_link (source_submission);
