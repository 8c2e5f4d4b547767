-- Durable delivery (issue #6). Runs unchanged on MariaDB and on H2 in MariaDB mode.

-- Retention: when a submission's personal data was erased (NULL while it is kept).
ALTER TABLE submission ADD COLUMN erased_ms BIGINT;
CREATE INDEX ix_submission_created ON submission (created_ms);

-- Claiming counts the leases each account holds (per-account concurrency) and releases a worker's leases.
CREATE INDEX ix_delivery_job_lease ON delivery_job (state, locked_until);
CREATE INDEX ix_delivery_job_worker ON delivery_job (locked_by);
