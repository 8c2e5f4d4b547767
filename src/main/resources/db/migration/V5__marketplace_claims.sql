-- Opening Formhaus from inside onOffice (Marketplace service calls). Runs on MariaDB and on H2 in MariaDB mode.

-- The Formhaus admin user an onOffice user of a Marketplace customer is signed in as when opening Formhaus from
-- onOffice: set when that onOffice user created the account's first login or proved an existing one once.
CREATE TABLE marketplace_user_link (
    customer_web_id VARCHAR(100) NOT NULL,
    onoffice_user   VARCHAR(100) NOT NULL,
    admin_user_id   BIGINT       NOT NULL,
    linked_ms       BIGINT       NOT NULL,
    PRIMARY KEY (customer_web_id, onoffice_user),
    CONSTRAINT fk_marketplace_user_link_admin FOREIGN KEY (admin_user_id) REFERENCES admin_user (id)
);

-- Signatures of service-call links already used: each link opens Formhaus once, so a leaked URL cannot be replayed
-- within its timestamp window. Rows past expires_ms are deleted as new ones arrive.
CREATE TABLE marketplace_used_link (
    signature  VARCHAR(128) NOT NULL PRIMARY KEY,
    expires_ms BIGINT       NOT NULL
);
