package io.sourceflow;

import java.util.Optional;

/**
 * A duplicate key while a command's work was written. Either another writer took the sequence number
 * the command claimed (a conflict: a retry claims the next one and may succeed), or the handler's own
 * writes broke a unique key of the application's tables (a retry breaks it again). Which of the two
 * can only be told once the failed transaction has ended, by asking the log whether a command holds
 * {@link #entityType()}, {@link #entityId()} and {@link #sequenceNo()} ({@link io.sourceflow.spi.CommandStore#holds}):
 * SourceFlow's retrying bus and its JMS receiver do, and treat the second case as a failure that is
 * not transient (the provider's exception, the cause of this one).
 */
public class DuplicateKeyException extends ConcurrencyException {

    private static final long serialVersionUID = 1L;

    private final String entityType;
    private final String entityId;
    private final long sequenceNo;

    /**
     * @param message what went wrong, naming the message type, entity and sequence number
     * @param entityType the type of the entity whose command was written
     * @param entityId the entity whose command was written
     * @param sequenceNo the sequence number the command claimed
     * @param cause the provider's exception
     */
    public DuplicateKeyException(String message, String entityType, String entityId, long sequenceNo, Throwable cause) {
        super(message, cause);
        this.entityType = entityType;
        this.entityId = entityId;
        this.sequenceNo = sequenceNo;
    }

    /** @return the type of the entity whose command was written */
    public String entityType() {
        return entityType;
    }

    /** @return the entity whose command was written */
    public String entityId() {
        return entityId;
    }

    /** @return the sequence number the command claimed */
    public long sequenceNo() {
        return sequenceNo;
    }

    /**
     * The duplicate key in a failure's cause chain.
     *
     * @param failure what an attempt threw
     * @return the first {@code DuplicateKeyException} in the chain, if any
     */
    public static Optional<DuplicateKeyException> in(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof DuplicateKeyException duplicate) {
                return Optional.of(duplicate);
            }
        }
        return Optional.empty();
    }

    /**
     * What to throw when the log does not hold the claimed number: the provider's exception (this
     * one's cause), which is not transient, or this one when the cause is not unchecked.
     *
     * @return the application's unique-key violation, to fail the work without retrying it
     */
    public RuntimeException notAConflict() {
        return getCause() instanceof RuntimeException provider ? provider : this;
    }
}
