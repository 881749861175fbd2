-- Migration V3: typed entity identity. An entity's log is keyed by its type's name and its id
-- (docs/evolving-messages.md). Rows logged before get the empty type here; the application adopts
-- them at its first transaction, as only it knows which saga's entity each command belongs to.
ALTER TABLE sourceflow_command ADD COLUMN entity_type VARCHAR(255) DEFAULT '' NOT NULL;
ALTER TABLE sourceflow_command DROP CONSTRAINT sourceflow_command_pk;
ALTER TABLE sourceflow_command ADD CONSTRAINT sourceflow_command_pk PRIMARY KEY (entity_type, entity_id, sequence_no);
