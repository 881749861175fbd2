package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.EntityExistsException;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.Outcome;
import java.util.Optional;

/**
 * Runs the saga handler of a command: creates or loads the entity, calls the handler with a
 * {@link HandlerContext} bound, persists the entity it returns, and returns what the handler
 * deferred (its events and commands), which the bus then delivers and publishes.
 */
final class SagaDispatcher implements CommandDispatcher {

    private final HandlerRegistry registry;
    private final EntityStore entities;
    private final CurrentHandler current;

    SagaDispatcher(HandlerRegistry registry, EntityStore entities, CurrentHandler current) {
        this.registry = registry;
        this.entities = entities;
        this.current = current;
    }

    @Override
    public Outcome dispatch(Envelope<? extends Command> envelope) {
        SagaHandler saga = registry.sagaFor(envelope.message().getClass());
        Object entity = load(saga, envelope.message().entity(), envelope);
        HandlerContext context = current.enter(envelope, saga.handler().identity());
        Object state;
        try {
            state = invoke(saga, entity, envelope);
        } finally {
            current.leave();
        }
        entities.persist(saga.entityType(), envelope.metadata().entityId(), cast(saga, state));
        return context.outcome();
    }

    @Override
    public int getPriority() {
        return LocalCommandDispatcher.PRIORITY;
    }

    private static Object invoke(SagaHandler saga, Object entity, Envelope<? extends Command> envelope) {
        Object result = saga.handler().invoke(entity, envelope.message(), envelope.metadata());
        if (result == null && saga.handler().method().method().getReturnType() != void.class) {
            throw new IllegalStateException(saga.handler().method().describe() + " returned null for "
                    + envelope.describe() + "; return the entity");
        }
        return result == null ? entity : result;
    }

    private Object load(SagaHandler saga, EntityRef ref, Envelope<? extends Command> envelope) {
        Optional<?> existing = entities.find(saga.entityType(), ref.id());
        if (ref.isNew()) {
            if (existing.isPresent()) {
                throw new EntityExistsException(saga.entityType().getSimpleName() + " '" + ref.id()
                        + "' already exists, so " + envelope.describe() + " cannot create it");
            }
            return saga.newEntity(ref);
        }
        return existing.orElseThrow(() -> new EntityNotFoundException(saga.entityType().getSimpleName() + " '"
                + ref.id() + "' does not exist; " + envelope.describe() + " does not create it (EntityRef.isNew)"));
    }

    @SuppressWarnings("unchecked")
    private static <E> E cast(SagaHandler saga, Object entity) {
        return (E) saga.entityType().cast(entity);
    }
}
