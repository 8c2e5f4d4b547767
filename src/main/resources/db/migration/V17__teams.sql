-- Teams: who may do what in which account, invitations into an account, and groups of forms.
-- Runs on MariaDB and on H2 in MariaDB mode.

-- A user's role in an account: owner, editor or viewer. A user may belong to several accounts (a consultant);
-- admin_user.account_id stays the account the user was created in (where their session starts).
CREATE TABLE account_member (
    account_id BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    role       VARCHAR(20) NOT NULL,
    joined_ms  BIGINT      NOT NULL,
    PRIMARY KEY (account_id, user_id),
    CONSTRAINT fk_account_member_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_account_member_user FOREIGN KEY (user_id) REFERENCES admin_user (id)
);
CREATE INDEX ix_account_member_user ON account_member (user_id);
-- Until now each account had its users as its administrators: each becomes an owner.
INSERT INTO account_member (account_id, user_id, role, joined_ms)
    SELECT account_id, id, 'owner', created_ms FROM admin_user;

-- An invitation link: only the SHA-256 hash of its token is stored. Used once (used_ms), until expires_ms.
CREATE TABLE invitation (
    token_hash CHAR(64)     NOT NULL PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    role       VARCHAR(20)  NOT NULL,
    note       VARCHAR(200) NOT NULL DEFAULT '',
    invited_by BIGINT       NOT NULL,
    created_ms BIGINT       NOT NULL,
    expires_ms BIGINT       NOT NULL,
    used_ms    BIGINT       NULL,
    used_by    BIGINT       NULL,
    CONSTRAINT fk_invitation_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_invitation_account ON invitation (account_id, created_ms);

-- Groups of an account's forms; a form is in at most one group.
CREATE TABLE form_group (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    name       VARCHAR(100) NOT NULL,
    created_ms BIGINT       NOT NULL,
    CONSTRAINT uq_form_group_name UNIQUE (account_id, name),
    CONSTRAINT fk_form_group_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE TABLE form_group_member (
    form_key VARCHAR(100) NOT NULL PRIMARY KEY,
    group_id BIGINT       NOT NULL,
    CONSTRAINT fk_form_group_member_group FOREIGN KEY (group_id) REFERENCES form_group (id)
);
CREATE INDEX ix_form_group_member_group ON form_group_member (group_id);
