-- A visitor's request never waits on onOffice (issue #9). Runs unchanged on MariaDB and on H2 in MariaDB mode.

-- Each account's last good onOffice options catalogue (select fields' permitted values, users) as JSON: forms are
-- rendered from it at once, and it survives restarts.
CREATE TABLE options_catalogue (
    account_id BIGINT     NOT NULL PRIMARY KEY,
    catalogue  MEDIUMTEXT NOT NULL,
    loaded_ms  BIGINT     NOT NULL
);

-- The outbox holds more than one kind of job per submission: its delivery ('submission') and, for a newsletter,
-- the subscriber's confirmation ('newsletter.confirm').
ALTER TABLE delivery_job ADD COLUMN kind VARCHAR(30) NOT NULL DEFAULT 'submission';
ALTER TABLE delivery_job DROP PRIMARY KEY;
ALTER TABLE delivery_job ADD PRIMARY KEY (submission_id, kind);
