-- Webhooks out (issue 14). Runs on MariaDB and on H2 in MariaDB mode.

-- An account's webhook endpoints: where each delivered or failed submission is POSTed, and the Standard Webhooks
-- secret it is signed with (sealed under the master key, like the onOffice secret).
CREATE TABLE webhook_endpoint (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT        NOT NULL,
    url        VARCHAR(2000) NOT NULL,
    secret     VARCHAR(500)  NOT NULL,
    created_ms BIGINT        NOT NULL,
    CONSTRAINT fk_webhook_endpoint_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_webhook_endpoint_account ON webhook_endpoint (account_id);

-- The webhooks' outbox: one message per endpoint and event, written in the transaction that records the delivery's
-- outcome, leased and retried with backoff like delivery jobs. id is the message's webhook-id (the same on every
-- retry, so receivers can drop duplicates); the body holds ids and statuses only, no submitted values. A message is
-- given up when it is older than delivery.give.up.hours.
CREATE TABLE webhook_message (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    endpoint_id  BIGINT        NOT NULL,
    account_id   BIGINT        NOT NULL,
    body         MEDIUMTEXT    NOT NULL,
    state        VARCHAR(20)   NOT NULL,
    created_ms   BIGINT        NOT NULL,
    due_ms       BIGINT        NOT NULL,
    attempts     INT           NOT NULL DEFAULT 0,
    locked_by    VARCHAR(100),
    locked_until BIGINT,
    last_error   VARCHAR(2000)
);
CREATE INDEX ix_webhook_message_due ON webhook_message (state, due_ms);
