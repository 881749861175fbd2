-- Migration V2: message revisions. Every logged command records the revision of its type's stored form
-- (docs/evolving-messages.md); the commands logged before were written at revision 1.
ALTER TABLE sourceflow_command ADD COLUMN type_revision INTEGER DEFAULT 1 NOT NULL;
