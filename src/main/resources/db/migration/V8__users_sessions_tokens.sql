-- Users, sessions, tokens and the security event log. Runs on MariaDB and on H2 in MariaDB mode.

-- An API token belongs to a user: it works only while that user is active. Existing tokens go to their account's
-- first user (the one created first); a token of an account without users matches no user and is refused.
ALTER TABLE api_token ADD COLUMN user_id BIGINT NULL;
UPDATE api_token SET user_id = (SELECT MIN(u.id) FROM admin_user u WHERE u.account_id = api_token.account_id);
CREATE INDEX ix_api_token_user ON api_token (user_id);

-- Raised when a user's password changes or the user is deactivated: a browser session remembers the value it was
-- signed in with and ends when it no longer matches, on every instance at once.
ALTER TABLE admin_user ADD COLUMN session_generation INT NOT NULL DEFAULT 0;

-- What happened to an account's security, for its owner: sign-ins, failures, throttling, tokens, users, passwords,
-- onOffice settings, published forms. user_id is who did it (or whom it concerns), when known; detail holds no
-- secret (token ids are hash prefixes, never tokens).
CREATE TABLE security_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT       NOT NULL,
    occurred_ms BIGINT       NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    user_id     BIGINT       NULL,
    detail      VARCHAR(500) NOT NULL DEFAULT '',
    CONSTRAINT fk_security_event_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_security_event_account ON security_event (account_id, occurred_ms);
