package io.sourceflow.cdi;

import io.sourceflow.spi.MessageTypes;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes the alias registry injectable for stores and transports. It comes from the handler
 * registry, not from {@link SourceFlowRuntime}, so that a store the runtime starts may inject it.
 */
@Dependent
public class MessageTypesProducer {

    /**
     * The aliases known at deployment.
     *
     * @param registry the handler registry
     * @return the message types
     */
    @Produces
    @Singleton
    MessageTypes messageTypes(HandlerRegistry registry) {
        return registry.messageTypes();
    }
}
