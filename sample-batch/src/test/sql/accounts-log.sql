-- The log as the sample would have written it, for ? accounts r-00000, r-00001, ...: per account an
-- opening with 100 and nine deposits of 1 to 9 (145 in the end), holders named Ada, Boris, Clara,
-- Dmitri and Elena in turn, followed by the account's number. Read by sample-batch's ReplayJobIT and
-- by sourceflow-benchmarks' ReplayJobRun (PostgreSQL).
INSERT INTO sourceflow_command (entity_type, entity_id, sequence_no, type_alias, type_revision, payload, metadata, is_new,
    occurred_on)
SELECT 'bank.Account', a.id, n, CASE WHEN n = 1 THEN 'bank.CreateAccount' ELSE 'bank.DepositMoney' END, 1,
    CASE WHEN n = 1 THEN json_build_object('accountName', a.holder, 'entity', json_build_object('id', a.id, 'isNew', true),
        'initialAmount', 100)::text
    ELSE json_build_object('amount', n - 1, 'entity', json_build_object('id', a.id, 'isNew', false))::text END,
    json_build_object('correlationId', x.m, 'entityId', a.id, 'entityType', 'bank.Account', 'messageId', x.m,
        'occurredOn', to_char(x.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'origin', 'LOCAL',
        'properties', json_build_object(), 'replay', false, 'sequenceNo', n)::text,
    n = 1, x.ts
FROM (SELECT 'r-' || lpad(i::text, 5, '0') AS id,
          (ARRAY['Ada', 'Boris', 'Clara', 'Dmitri', 'Elena'])[i % 5 + 1] || ' ' || i AS holder
      FROM generate_series(0, ? - 1) i) a
CROSS JOIN generate_series(1, 10) n
CROSS JOIN LATERAL (SELECT gen_random_uuid()::text AS m,
    TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + n * INTERVAL '1 second' AS ts) x
