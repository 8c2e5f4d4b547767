-- Viewing slots taken by visitors (issue 12, viewings). Runs on MariaDB and on H2 in MariaDB mode.

-- One row per slot a submission booked in an agent's onOffice calendar, written in the submission's own transaction:
-- the primary key lets only one of two visitors who choose the same slot at the same moment have it, over every
-- instance on the database. Times are onOffice's local time as yyyy-MM-ddTHH:mm (they sort as text). The slot list
-- leaves out what is claimed here until onOffice shows the appointment itself.
CREATE TABLE viewing_slot_claim (
    account_id    BIGINT   NOT NULL,
    agent_id      BIGINT   NOT NULL,
    starts_at     CHAR(16) NOT NULL,
    ends_at       CHAR(16) NOT NULL,
    submission_id CHAR(36) NOT NULL,
    claimed_ms    BIGINT   NOT NULL,
    PRIMARY KEY (account_id, agent_id, starts_at)
);
