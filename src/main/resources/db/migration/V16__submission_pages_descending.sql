-- Submissions pages newest first (issue #13), measured at 100,000 rows: the page indexes become descending in their
-- time and id, so a page is one forward range read from its cursor on MariaDB and H2 alike (MariaDB 10.8+ and H2
-- keep DESC index columns). The (account, form, created) index of the first schema is a prefix of the form's page
-- index and goes, so that the planner has one obvious index per filter. Runs on MariaDB and on H2 in MariaDB mode.
ALTER TABLE submission DROP INDEX ix_submission_account_form;
ALTER TABLE submission DROP INDEX ix_submission_page;
ALTER TABLE submission DROP INDEX ix_submission_form_page;
ALTER TABLE submission DROP INDEX ix_submission_status_page;
CREATE INDEX ix_submission_page ON submission (account_id, created_ms DESC, id DESC);
CREATE INDEX ix_submission_form_page ON submission (account_id, form_key, created_ms DESC, id DESC);
CREATE INDEX ix_submission_status_page ON submission (account_id, status, created_ms DESC, id DESC);
