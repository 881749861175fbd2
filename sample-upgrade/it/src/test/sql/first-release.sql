-- What the library's first release (the V1 schema, no migration history, no revisions, no entity
-- types) and release 1 of the upgrade application wrote for wallet w-0 on server A: opened for Alan
-- Turing, 7.00 deposited; the wallet and its view as documents. Run after V1__sourceflow_tables.sql.
INSERT INTO sourceflow_command (entity_id, sequence_no, type_alias, payload, metadata, is_new, occurred_on) VALUES
  ('w-0', 1, 'wallet.Open', '{"entity":{"id":"w-0","isNew":true},"holder":"Alan Turing"}',
   '{"correlationId":"00000000-0000-4000-8000-000000000001","entityId":"w-0","messageId":"00000000-0000-4000-8000-000000000001","occurredOn":"2025-06-01T09:00:00Z","origin":"LOCAL","properties":{},"replay":false,"sequenceNo":1}',
   TRUE, TIMESTAMP WITH TIME ZONE '2025-06-01 09:00:00+00'),
  ('w-0', 2, 'wallet.Deposit', '{"cents":700,"entity":{"id":"w-0","isNew":false}}',
   '{"correlationId":"00000000-0000-4000-8000-000000000002","entityId":"w-0","messageId":"00000000-0000-4000-8000-000000000002","occurredOn":"2025-06-01T09:05:00Z","origin":"LOCAL","properties":{},"replay":false,"sequenceNo":2}',
   FALSE, TIMESTAMP WITH TIME ZONE '2025-06-01 09:05:00+00');
INSERT INTO sourceflow_document (type_name, id, version, body) VALUES
  ('upgrade.Wallet', 'w-0', 2, '{"balance":700,"holder":"Alan Turing"}'),
  ('upgrade.WalletSummary', 'w-0', 2, '{"balance":700,"deposits":1,"holder":"Alan Turing"}');
