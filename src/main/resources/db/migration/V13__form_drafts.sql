-- Drafts and publishing (form builder): an admin's edits are kept as the form's one draft; publishing turns the
-- draft into the next version. Who published each version is kept beside it (null: saved before this existed, or
-- through the API's PUT, which publishes at once and records its caller too).
ALTER TABLE form_version ADD COLUMN published_by BIGINT NULL;

CREATE TABLE form_draft (
    form_key     VARCHAR(100) NOT NULL PRIMARY KEY,
    account_id   BIGINT       NOT NULL,
    definition   MEDIUMTEXT   NOT NULL,
    base_version INT          NOT NULL,
    updated_ms   BIGINT       NOT NULL,
    updated_by   BIGINT       NULL
);
CREATE INDEX ix_form_draft_account ON form_draft (account_id);
