-- Form statistics (issue 13): daily counters, one row per form, day (UTC), metric and dimension; never one row per
-- view. Instances add their increments with one atomic upsert (INSERT ... ON DUPLICATE KEY UPDATE hits = hits + n),
-- so several instances on one database count correctly. metric: view, start, step, submission, spam; dimension: ''
-- for the day's total, 'page=...', 'utm_source=...', 'utm_medium=...', 'utm_campaign=...' for the source of a view,
-- start or submission, the step number reached for step, the reason for spam. Runs on MariaDB and on H2 (MariaDB mode).
CREATE TABLE form_day_counter (
    form_key  VARCHAR(100) NOT NULL,
    count_day DATE         NOT NULL,
    metric    VARCHAR(20)  NOT NULL,
    dimension VARCHAR(255) NOT NULL,
    hits      BIGINT       NOT NULL,
    PRIMARY KEY (form_key, count_day, metric, dimension)
);
CREATE INDEX ix_form_day_counter_day ON form_day_counter (count_day);
