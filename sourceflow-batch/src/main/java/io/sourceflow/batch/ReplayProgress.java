package io.sourceflow.batch;

import io.sourceflow.DocumentType;

/**
 * How many entities one partition of a replay job instance has replayed, kept by the job's writer
 * in the view-model store in each chunk's transaction: a chunk rolled back counts nothing, and a
 * restarted execution adds to what the earlier ones did.
 *
 * @param done entities replayed
 */
@DocumentType("sourceflow.ReplayProgress")
public record ReplayProgress(long done) {

    /**
     * The id a partition's progress is kept under.
     *
     * @param instanceId the job instance
     * @param partition the partition's number
     * @return the id
     */
    static String id(long instanceId, int partition) {
        return instanceId + "/" + partition;
    }
}
