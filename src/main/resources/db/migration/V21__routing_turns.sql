-- Lead routing by round robin (issue #12): whose turn a submission is, counted in the database so that every instance
-- sharing it counts together. routing_counter holds how many turns a form has given; routing_turn remembers the turn
-- each submission got, so that a delivery tried again keeps its agent. Runs on MariaDB and on H2 in MariaDB mode.
CREATE TABLE routing_counter (
    account_id BIGINT       NOT NULL,
    form_key   VARCHAR(100) NOT NULL,
    turns      BIGINT       NOT NULL,
    PRIMARY KEY (account_id, form_key)
);
CREATE TABLE routing_turn (
    submission_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id    BIGINT       NOT NULL,
    form_key      VARCHAR(100) NOT NULL,
    turn          BIGINT       NOT NULL
);
