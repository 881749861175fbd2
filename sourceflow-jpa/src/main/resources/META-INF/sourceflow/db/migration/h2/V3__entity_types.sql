-- Migration V3: typed entity identity. An entity's log is keyed by its type's name and its id
-- (docs/evolving-messages.md). Rows logged before get the type '#unadopted' (no entity type has a name
-- starting with '#'); the application adopts them in its first transaction, as only it knows which
-- saga's entity each command belongs to. The primary key is dropped whatever its name (a schema the
-- provider generated named it itself), and rebuilt with the type first.
ALTER TABLE sourceflow_command ADD COLUMN entity_type VARCHAR(255) DEFAULT '#unadopted' NOT NULL;
ALTER TABLE sourceflow_command DROP PRIMARY KEY;
DROP INDEX IF EXISTS sourceflow_command_entity;
ALTER TABLE sourceflow_command ADD CONSTRAINT sourceflow_command_pk PRIMARY KEY (entity_type, entity_id, sequence_no);
