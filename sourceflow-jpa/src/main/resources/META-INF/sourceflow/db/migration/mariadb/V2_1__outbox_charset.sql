-- Migration V2.1 (MariaDB and MySQL only): the outbox, created in V1 without a table option, gets the options
-- of the other tables, so that its JSON keeps every character on a server whose default character set is not utf8mb4.
ALTER TABLE sourceflow_outbox ENGINE=InnoDB, CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
