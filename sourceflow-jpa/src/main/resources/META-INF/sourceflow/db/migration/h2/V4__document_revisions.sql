-- Migration V4: document revisions. Every stored entity and view-model document records the revision
-- of its type's JSON form (io.sourceflow.DocumentType, docs/evolving-messages.md); those stored before
-- were written at revision 1.
ALTER TABLE sourceflow_document ADD COLUMN type_revision INTEGER DEFAULT 1 NOT NULL;
