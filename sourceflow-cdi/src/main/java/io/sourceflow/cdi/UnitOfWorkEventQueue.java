package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;

/** Runs the queue's work in the current transaction, or, without JTA, in a local unit of its own (see {@link UnitOfWork}). */
final class UnitOfWorkEventQueue implements EventQueue {

    private final EventQueue delegate;
    private final UnitOfWork transaction;

    UnitOfWorkEventQueue(EventQueue delegate, UnitOfWork transaction) {
        this.delegate = delegate;
        this.transaction = transaction;
    }

    @Override
    public Metadata enqueue(Event event) {
        return transaction.run(() -> delegate.enqueue(event));
    }

    @Override
    public void enqueue(Envelope<? extends Event> envelope) {
        transaction.run(() -> {
            delegate.enqueue(envelope);
            return null;
        });
    }
}
