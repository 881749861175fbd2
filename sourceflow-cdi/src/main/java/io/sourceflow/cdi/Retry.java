package io.sourceflow.cdi;

import io.sourceflow.SourceFlowException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the bus's work again, in a new transaction, when it failed for a transient reason (a
 * {@link SourceFlowException#isTransient()} anywhere in the cause chain, such as a
 * {@link io.sourceflow.ConcurrencyException}), a bounded number of times. Only work whose
 * transaction the bus itself starts is retried; inside a caller's transaction or a handler the
 * failure propagates at once, since that transaction is already doomed.
 */
final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class.getName());

    private final int maxAttempts;
    private final BooleanSupplier callerOwnsTransaction;

    Retry(int maxAttempts, BooleanSupplier callerOwnsTransaction) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("sourceflow.bus.max-attempts must be at least 1, not " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.callerOwnsTransaction = callerOwnsTransaction;
    }

    <T> T call(Supplier<T> work) {
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
