package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.DuplicateKeyException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.SourceFlowException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the bus's work again, in a new transaction, when it failed for a transient reason (a
 * {@link SourceFlowException#isTransient()} anywhere in the cause chain, such as a
 * {@link io.sourceflow.ConcurrencyException}), a bounded number of times. It decorates the
 * transactional bus, so each attempt is a transaction of its own; when the caller already owns a
 * transaction, that transaction is doomed and the failure propagates at once. A
 * {@link DuplicateKeyException} is retried only when the log now holds the number the attempt claimed
 * (another writer was first); otherwise the handler broke a unique key of the application's own
 * tables, which no retry mends, and the provider's exception is thrown.
 */
final class RetryingCommandBus implements CommandBus {

    private static final Logger LOG = Logger.getLogger(RetryingCommandBus.class.getName());

    private final CommandBus delegate;
    private final int maxAttempts;
    private final BooleanSupplier callerOwnsTransaction;
    private final Predicate<DuplicateKeyException> logHoldsClaim;

    RetryingCommandBus(CommandBus delegate, int maxAttempts, BooleanSupplier callerOwnsTransaction,
            Predicate<DuplicateKeyException> logHoldsClaim) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(SourceFlowRuntime.MAX_ATTEMPTS + " must be at least 1, not " + maxAttempts);
        }
        this.delegate = delegate;
        this.maxAttempts = maxAttempts;
        this.callerOwnsTransaction = callerOwnsTransaction;
        this.logHoldsClaim = logHoldsClaim;
    }

    @Override
    public Metadata publish(Command command) {
        // one message id for every attempt: a retried send is the same message, and what an attempt
        // recorded under it (a status) names the command that is finally sent
        return publish(new Envelope<>(command, Metadata.create(command.entity().id())));
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        return call(() -> delegate.publish(envelope));
    }

    @Override
    public long replay(Class<?> entityType, EntityRef entity) {
        return call(() -> delegate.replay(entityType, entity));
    }

    private <T> T call(Supplier<T> work) {
        if (maxAttempts == 1 || callerOwnsTransaction.getAsBoolean()) {
            return work.get();
        }
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !isTransient(e)) {
                    throw e;
                }
                Optional<DuplicateKeyException> duplicate = DuplicateKeyException.in(e);
                if (duplicate.isPresent() && !logHoldsClaim.test(duplicate.get())) {
                    throw duplicate.get().notAConflict();
                }
                int next = attempt + 1;
                LOG.log(Level.FINE, e, () -> "Transient failure, starting attempt " + next + " of " + maxAttempts);
            }
        }
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SourceFlowException e && e.isTransient()) {
                return true;
            }
        }
        return false;
    }
}
