-- SourceFlow tables for H2 2.x (JSON in CLOB).
-- One statement per line, each ending with ';', for psql, ij, the providers' script runners or a plain line-by-line runner.
CREATE TABLE sourceflow_command (entity_id VARCHAR(255) NOT NULL, sequence_no BIGINT NOT NULL, type_alias VARCHAR(255) NOT NULL, payload CLOB NOT NULL, metadata CLOB NOT NULL, is_new BOOLEAN NOT NULL, occurred_on TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT sourceflow_command_pk PRIMARY KEY (entity_id, sequence_no));
CREATE TABLE sourceflow_document (type_name VARCHAR(255) NOT NULL, id VARCHAR(255) NOT NULL, version BIGINT NOT NULL, body CLOB NOT NULL, CONSTRAINT sourceflow_document_pk PRIMARY KEY (type_name, id));
CREATE TABLE sourceflow_inbox (consumer VARCHAR(255) NOT NULL, message_id VARCHAR(36) NOT NULL, received_on TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT sourceflow_inbox_pk PRIMARY KEY (consumer, message_id));
CREATE INDEX sourceflow_inbox_received_on ON sourceflow_inbox (received_on);
CREATE TABLE sourceflow_dead_letter (id VARCHAR(36) NOT NULL, message_id VARCHAR(36) NOT NULL, destination VARCHAR(255) NOT NULL, type_alias VARCHAR(255), entity_id VARCHAR(255), body CLOB NOT NULL, headers CLOB NOT NULL, error CLOB NOT NULL, delivery_count INTEGER NOT NULL, first_received_on TIMESTAMP WITH TIME ZONE, dead_lettered_on TIMESTAMP WITH TIME ZONE NOT NULL, redriven_on TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL, CONSTRAINT sourceflow_dead_letter_pk PRIMARY KEY (id));
CREATE INDEX sourceflow_dead_letter_parked ON sourceflow_dead_letter (destination, dead_lettered_on);
