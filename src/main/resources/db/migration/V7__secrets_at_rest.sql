-- Secrets at rest and scoped provisioning keys. Runs on MariaDB and on H2 in MariaDB mode.

-- Sealed values (AES-GCM, Base64) are about 4/3 of the secret plus 40 characters.
ALTER TABLE account MODIFY COLUMN onoffice_secret VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE marketplace_claim MODIFY COLUMN api_claim VARCHAR(4000) NOT NULL;

-- An account's keys for the user-provisioning API (/api/users), stored as SHA-256 hashes only: each manages the users
-- of its account and no other. (The instance's own key, which manages every account, is an instance setting.)
CREATE TABLE provisioning_key (
    key_hash   CHAR(64)     NOT NULL PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    label      VARCHAR(200) NOT NULL DEFAULT '',
    created_ms BIGINT       NOT NULL,
    CONSTRAINT fk_provisioning_key_account FOREIGN KEY (account_id) REFERENCES account (id)
);
