package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.CommandBus;
import io.sourceflow.EventQueue;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The bus and the queue can be injected into passivating beans, and survive serialization. */
class PassivatingInjectionTest {

    /** A session-scoped bean of the application. */
    @SessionScoped
    static class Cart implements Serializable {
        private static final long serialVersionUID = 1L;
        @Inject
        CommandBus bus;
        @Inject
        EventQueue queue;
    }

    @Test
    void aSessionScopedBeanMayHoldTheBusAndTheQueue() throws Exception {
        // when: the container validates the passivating bean's dependencies
        try (WeldContainer container = SourceFlowWeld.weld(Cart.class).initialize()) {
            CdiCommandBus bus = container.select(CdiCommandBus.class).get();
            CdiEventQueue queue = container.select(CdiEventQueue.class).get();

            // then
            assertThat(copy(bus)).isInstanceOf(CdiCommandBus.class);
            assertThat(copy(queue)).isInstanceOf(CdiEventQueue.class);
        }
    }

    private static Object copy(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
