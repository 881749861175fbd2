package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Event;
import io.sourceflow.Handles;
import io.sourceflow.Projects;
import io.sourceflow.Saga;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * A saga and a view that reach Saga and View through a generic class of the application's own: the
 * entity and model types are resolved through it, in the container and without one.
 */
@EnableWeld
class GenericBaseClassTest {

    record Counter(String id, int value) {
    }

    record Count(EntityRef entity, int by) implements Command {
    }

    record Counted(String id, int value) implements Event {
    }

    abstract static class AuditedSaga<E> extends Saga<E> {
    }

    @ApplicationScoped
    static class CounterSaga extends AuditedSaga<Counter> {
        @Override
        protected Counter create(EntityRef ref) {
            return new Counter(ref.id(), 0);
        }

        @Handles
        Counter on(Counter counter, Count count) {
            Counter next = new Counter(counter.id(), counter.value() + count.by());
            raise(new Counted(next.id(), next.value()));
            return next;
        }
    }

    abstract static class ReadSide<V> extends View<V> {
        Optional<V> get(String id) {
            return find(id);
        }
    }

    @ApplicationScoped
    static class CounterView extends ReadSide<Counter> {
        @Projects
        Counter on(Counted counted) {
            return new Counter(counted.id(), counted.value());
        }
    }

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(CounterSaga.class, CounterView.class);

    @Inject
    CommandBus bus;
    @Inject
    CounterView view;

    @Test
    void inTheContainer() {
        bus.publish(new Count(EntityRef.of("c-1").asNew(), 2));
        bus.publish(new Count(EntityRef.of("c-1"), 3));

        assertThat(view.get("c-1")).contains(new Counter("c-1", 5));
    }

    @Test
    void withoutAContainer() {
        CounterView standaloneView = new CounterView();
        StandaloneRuntime runtime = StandaloneRuntime.builder().handlers(new CounterSaga(), standaloneView).build();

        runtime.bus().publish(new Count(EntityRef.of("c-1").asNew(), 2));
        runtime.bus().publish(new Count(EntityRef.of("c-1"), 3));

        assertThat(runtime.entities().find(Counter.class, "c-1")).contains(new Counter("c-1", 5));
        assertThat(standaloneView.get("c-1")).contains(new Counter("c-1", 5));
    }
}
