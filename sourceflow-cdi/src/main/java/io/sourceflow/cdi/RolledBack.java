package io.sourceflow.cdi;

import java.util.function.Supplier;

/**
 * A runtime failure carried out of a {@code @Transactional} method as a checked exception that the
 * method's {@code rollbackOn} names: the container rolls the transaction back (or marks the caller's
 * for rollback) as it would for the runtime exception, but does not report it. Open Liberty writes a
 * First Failure Data Capture incident, stack trace included, for every runtime exception leaving a
 * {@code @Transactional} method, so an expected outcome (an entity that does not exist, a broken
 * business rule) would otherwise be logged as a failure. The caller, outside the interceptor, throws
 * the {@link #failure()} on, the same instance with its own stack trace.
 */
public final class RolledBack extends Exception {

    private static final long serialVersionUID = 1L;

    private RolledBack(RuntimeException failure) {
        super(failure.getMessage(), failure, false, false);
    }

    /**
     * Runs work inside a {@code @Transactional} method, carrying its runtime failure out as this exception.
     *
     * @param work the method's work
     * @param <T> what it returns
     * @return what it returned
     * @throws RolledBack when it threw a runtime exception
     */
    public static <T> T carry(Supplier<T> work) throws RolledBack {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw new RolledBack(e);
        }
    }

    /**
     * Calls a {@code @Transactional} method that carries its failure out as this exception, from
     * outside the interceptor, and throws that failure on as it was thrown.
     *
     * @param call the call
     * @param <T> what it returns
     * @return what it returned
     */
    public static <T> T thrownOn(Carrying<T> call) {
        try {
            return call.call();
        } catch (RolledBack e) {
            throw e.failure();
        }
    }

    /**
     * A call of a method that carries its failure out as {@link RolledBack}.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Carrying<T> {

        /**
         * Makes the call.
         *
         * @return what the method returned
         * @throws RolledBack when it failed
         */
        T call() throws RolledBack;
    }

    /**
     * The failure, to be thrown on by the caller.
     *
     * @return the runtime exception the work threw
     */
    public RuntimeException failure() {
        return (RuntimeException) getCause();
    }
}
