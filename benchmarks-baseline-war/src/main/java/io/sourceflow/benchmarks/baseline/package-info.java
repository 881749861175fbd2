/**
 * The plain-MDB baseline of the consumer-scaling benchmark (see {@code docs/benchmarks.md}). Its
 * tables, created by the harness before a run:
 *
 * <pre>
 * bench_inbox   (message_id VARCHAR(36) PRIMARY KEY)
 * bench_account (id VARCHAR(255) PRIMARY KEY, name VARCHAR(200), balance NUMERIC(19,2), sequence_no BIGINT)
 * bench_view    (id VARCHAR(255) PRIMARY KEY, balance NUMERIC(19,2), sequence_no BIGINT, transaction_count INT)
 * bench_log     (entity_id VARCHAR(255), sequence_no BIGINT, type_alias VARCHAR(255), body TEXT,
 *                PRIMARY KEY (entity_id, sequence_no))
 * bench_status  (message_id VARCHAR(36) PRIMARY KEY, state VARCHAR(16), sequence_no BIGINT,
 *                recorded_on TIMESTAMP WITH TIME ZONE)
 * </pre>
 */
package io.sourceflow.benchmarks.baseline;
