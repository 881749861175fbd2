-- Migration V5: the data subjects' keys of crypto-shredding (io.sourceflow.Personal, docs/security.md):
-- one AES key per subject, deleted (the row kept, marked forgotten) when the subject is forgotten.
CREATE TABLE sourceflow_subject_key (subject VARCHAR(255) NOT NULL, secret VARCHAR(64), created_on DATETIME(6) NOT NULL, forgotten_on DATETIME(6), CONSTRAINT sourceflow_subject_key_pk PRIMARY KEY (subject)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
