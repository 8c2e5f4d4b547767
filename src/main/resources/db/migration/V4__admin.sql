-- Admin UI and onOffice Marketplace activation. Runs on MariaDB and on H2 in MariaDB mode.

-- An onOffice customer (by customerWebId) that activated Formhaus in the Marketplace, and the account it got.
CREATE TABLE marketplace_customer (
    customer_web_id VARCHAR(100) NOT NULL PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    customer_name   VARCHAR(200) NOT NULL DEFAULT '',
    activated_ms    BIGINT       NOT NULL,
    CONSTRAINT fk_marketplace_customer_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- The latest apiClaim per onOffice user of a customer: onOffice wants it as 'extendedclaim' in later API calls.
CREATE TABLE marketplace_claim (
    customer_web_id VARCHAR(100)  NOT NULL,
    onoffice_user   VARCHAR(100)  NOT NULL,
    api_claim       VARCHAR(2000) NOT NULL,
    updated_ms      BIGINT        NOT NULL,
    PRIMARY KEY (customer_web_id, onoffice_user)
);
