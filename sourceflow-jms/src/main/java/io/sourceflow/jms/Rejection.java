package io.sourceflow.jms;

import io.sourceflow.CommandRejectedException;
import io.sourceflow.EntityExistsException;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.SourceFlowException;
import io.sourceflow.cdi.UnitOfWork;
import io.sourceflow.spi.Inbox;
import io.sourceflow.spi.SafeText;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What becomes of a received command that is refused: by a business rule
 * ({@link CommandRejectedException}), or because it names an entity that does not exist, or creates
 * one that exists. Trying again cannot change either, so it is recorded as rejected, not parked.
 */
final class Rejection {

    /** The receiver's logger. */
    private static final Logger LOG = Logger.getLogger(JmsInbound.class.getName());
    private static final int MAX_CAUSES = 32;

    private final JmsResources resources;
    private final Inbox inbox;
    private final Statuses statuses;
    private final UnitOfWork transaction;

    Rejection(JmsResources resources, Inbox inbox, Statuses statuses, UnitOfWork transaction) {
        this.resources = resources;
        this.inbox = inbox;
        this.statuses = statuses;
        this.transaction = transaction;
    }

    /** The rejection that failed a delivery, if it was one. */
    static Optional<SourceFlowException> in(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (t instanceof CommandRejectedException || t instanceof EntityNotFoundException || t instanceof EntityExistsException) {
                return Optional.of((SourceFlowException) t);
            }
        }
        return Optional.empty();
    }

    /**
     * Undoes the command's work and records the rejection. Work done in the MDB's transaction can only
     * be undone with the whole transaction, so the first time the transaction is marked for rollback
     * (no exception for the container to log) and the broker delivers the message again; that
     * delivery ran the command in a transaction of its own ({@code isolated}), already rolled back,
     * so the rejection is recorded with the inbox entry in the MDB's transaction, which acknowledges
     * the message: it is never delivered again.
     *
     * @throws SourceFlowException the rejection itself, when there is no JTA transaction to mark
     */
    void rejected(Delivery delivery, SourceFlowException rejection, boolean isolated) {
        if (!isolated) {
            if (!transaction.rollbackOnly()) {
                throw rejection;
            }
            return;
        }
        inbox.record(resources.settings().consumer(), delivery.head.metadata().messageId());
        statuses.rejected(delivery, rejection);
        resources.telemetry().rejected();
        LOG.fine(() -> delivery.head.describe() + " was rejected: " + SafeText.forLog(String.valueOf(rejection.getMessage())));
    }
}
