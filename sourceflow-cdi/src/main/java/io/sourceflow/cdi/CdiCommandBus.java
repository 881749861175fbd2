package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The {@link CommandBus} bean. Each call joins the caller's JTA transaction, or runs in a new one
 * when there is none and the container provides JTA; without JTA it is a plain call.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CdiCommandBus implements CommandBus {

    @Inject
    SourceFlowRuntime runtime;

    @Override
    public Metadata publish(Command command) {
        return runtime.bus().publish(command);
    }

    @Override
    public Metadata publish(Envelope<? extends Command> envelope) {
        return runtime.bus().publish(envelope);
    }

    @Override
    public long replay(EntityRef entity) {
        return runtime.bus().replay(entity);
    }
}
