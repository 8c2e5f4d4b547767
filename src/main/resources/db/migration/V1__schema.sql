-- Formhaus schema. Written to run unchanged on MariaDB and on H2 in MariaDB mode.
-- Times are epoch milliseconds (BIGINT): no time-zone conversion between JVM, driver and server.

CREATE TABLE account (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    onoffice_url    VARCHAR(500)  NOT NULL DEFAULT '',
    onoffice_token  VARCHAR(200)  NOT NULL DEFAULT '',
    onoffice_secret VARCHAR(500)  NOT NULL DEFAULT '',
    senders         VARCHAR(2000) NOT NULL DEFAULT '',
    allowed_origins VARCHAR(4000) NOT NULL DEFAULT '',
    created_ms      BIGINT        NOT NULL
);

CREATE TABLE admin_user (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id    BIGINT       NOT NULL,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(200) NOT NULL DEFAULT '',
    instance      VARCHAR(200) NOT NULL DEFAULT '',
    password_hash VARCHAR(300) NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_ms    BIGINT       NOT NULL,
    CONSTRAINT uq_admin_user_email UNIQUE (email),
    CONSTRAINT fk_admin_user_account FOREIGN KEY (account_id) REFERENCES account (id)
);

CREATE TABLE api_token (
    token_hash CHAR(64)     NOT NULL PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    label      VARCHAR(200) NOT NULL DEFAULT '',
    created_ms BIGINT       NOT NULL,
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- Instance-wide values generated on first start (signing keys and the like).
CREATE TABLE instance_setting (
    setting_name  VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(2000) NOT NULL
);

CREATE TABLE form (
    form_key   VARCHAR(100) NOT NULL PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    version    INT          NOT NULL,
    deleted    BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_ms BIGINT       NOT NULL,
    CONSTRAINT fk_form_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- Every saved definition is kept: a submission refers to the version it was made with.
CREATE TABLE form_version (
    form_key   VARCHAR(100) NOT NULL,
    version    INT          NOT NULL,
    definition MEDIUMTEXT   NOT NULL,
    created_ms BIGINT       NOT NULL,
    PRIMARY KEY (form_key, version)
);

CREATE TABLE submission (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    account_id   BIGINT        NOT NULL,
    form_key     VARCHAR(100)  NOT NULL,
    form_version INT           NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    data         MEDIUMTEXT    NOT NULL,
    records      VARCHAR(4000) NOT NULL DEFAULT '{}',
    last_error   VARCHAR(2000),
    created_ms   BIGINT        NOT NULL,
    updated_ms   BIGINT        NOT NULL
);
CREATE INDEX ix_submission_account_form ON submission (account_id, form_key, created_ms);

-- The delivery outbox: written in the same transaction as its submission.
CREATE TABLE delivery_job (
    submission_id CHAR(36)     NOT NULL PRIMARY KEY,
    account_id    BIGINT       NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    due_ms        BIGINT       NOT NULL,
    attempts      INT          NOT NULL DEFAULT 0,
    give_up_ms    BIGINT       NOT NULL,
    locked_by     VARCHAR(100),
    locked_until  BIGINT
);
CREATE INDEX ix_delivery_job_due ON delivery_job (state, due_ms);

CREATE TABLE delivery_attempt (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    submission_id CHAR(36)      NOT NULL,
    started_ms    BIGINT        NOT NULL,
    finished_ms   BIGINT        NOT NULL,
    outcome       VARCHAR(20)   NOT NULL,
    message       VARCHAR(2000) NOT NULL DEFAULT ''
);
CREATE INDEX ix_delivery_attempt_submission ON delivery_attempt (submission_id);
