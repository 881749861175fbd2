package io.sourceflow.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Runs work in a JTA transaction of its own (the caller's suspended), or, without JTA, in a local
 * unit of work of its own: each step of a view rebuild's start and its finish ({@link Rebuilds}). A
 * bean only because the JTA interceptor applies to beans; {@code @Typed} so it is injected nowhere else.
 */
@ApplicationScoped
@Typed(NewTransaction.class)
public class NewTransaction {

    @Inject
    UnitOfWork unit;

    /**
     * Runs the work and commits what it did.
     *
     * @param work the work
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run(Runnable work) {
        unit.run(() -> {
            work.run();
            return null;
        });
    }
}
