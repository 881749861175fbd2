package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;

/**
 * Chooses the transaction of a publish: the caller's when it has one, otherwise one that the
 * {@link TransactionalCommandBus} begins for that publish alone, so that a dispatcher which only
 * sends the command can keep the send the transaction's only work (see {@link UnitOfWork#publishAlone()}).
 * A failure comes out of the transactional bus as {@link RolledBack} and is thrown on here as it was thrown.
 */
final class BusTransaction implements CommandBus {

    private final TransactionalCommandBus transactional;
    private final UnitOfWork transaction;

    BusTransaction(TransactionalCommandBus transactional, UnitOfWork transaction) {
        this.transactional = transactional;
        this.transaction = transaction;
    }

    @Override
    public Metadata publish(Command command) {
        return RolledBack.thrownOn(() -> transaction.active() ? transactional.publish(command)
                : transactional.publishAlone(new Envelope<>(command, Metadata.create(command.entity().id()))));
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        return RolledBack.thrownOn(() -> transaction.active() ? transactional.publish(envelope) : transactional.publishAlone(envelope));
    }

    @Override
    public long replay(Class<?> entityType, EntityRef entity) {
        return RolledBack.thrownOn(() -> transactional.replay(entityType, entity));
    }
}
