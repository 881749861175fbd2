package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;

/** Runs the bus's work in the current transaction, or, without JTA, in a local unit of its own (see {@link UnitOfWork}). */
final class UnitOfWorkCommandBus implements CommandBus {

    private final CommandBus delegate;
    private final UnitOfWork transaction;

    UnitOfWorkCommandBus(CommandBus delegate, UnitOfWork transaction) {
        this.delegate = delegate;
        this.transaction = transaction;
    }

    @Override
    public Metadata publish(Command command) {
        return transaction.run(() -> delegate.publish(command));
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        return transaction.run(() -> delegate.publish(envelope));
    }

    @Override
    public long replay(Class<?> entityType, EntityRef entity) {
        return transaction.run(() -> delegate.replay(entityType, entity));
    }
}
