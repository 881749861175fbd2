/**
 * Replay at scale as a Jakarta Batch job shipped in this jar: {@code sourceflow-replay}
 * ({@code META-INF/batch-jobs/sourceflow-replay.xml}), started with the server's {@code JobOperator}
 * and the parameters {@link io.sourceflow.batch.ReplayJob} names. Its artifacts are CDI beans
 * named {@code sourceflowEntityIds} (the reader), {@code sourceflowReplay} (the writer) and
 * {@code sourceflowPartitions} (the partition mapper).
 */
package io.sourceflow.batch;
