-- Tables of the test entities on Derby (as test-tables.sql, without the UUID-keyed one).
CREATE TABLE bank_account_summary (
    id                VARCHAR(255) NOT NULL PRIMARY KEY,
    account_name      VARCHAR(255),
    balance           NUMERIC(19, 2) NOT NULL,
    transaction_count INTEGER NOT NULL,
    closed            BOOLEAN NOT NULL,
    version           BIGINT NOT NULL
);
CREATE TABLE long_keyed (
    id      BIGINT NOT NULL PRIMARY KEY,
    label   VARCHAR(255),
    version BIGINT NOT NULL
);
CREATE TABLE named_account (
    id   VARCHAR(255) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL UNIQUE
);
