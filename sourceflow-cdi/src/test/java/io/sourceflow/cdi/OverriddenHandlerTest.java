package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.cdi.overrides.Overrides;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** A handler overridden in a subclass that keeps its annotation is one handler, not two. */
@EnableWeld
class OverriddenHandlerTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(Overrides.DerivedSaga.class, Overrides.DerivedView.class,
            Overrides.DerivedAggregate.class);

    @Inject
    CommandBus bus;
    @Inject
    EntityStore entities;
    @Inject
    ViewModelStore views;
    @Inject
    Overrides.DerivedAggregate aggregate;

    @Test
    void overriddenSagaViewAndAggregateHandlersRunOncePerMessage() {
        // when
        bus.publish(new Overrides.Bump(EntityRef.of("o-1").asNew()));
        bus.publish(new Overrides.Bump(EntityRef.of("o-1")));

        // then
        assertThat(entities.find(Overrides.Thing.class, "o-1").orElseThrow().getBumps()).isEqualTo(2);
        assertThat(views.find(Overrides.Count.class, "o-1").orElseThrow().seen()).isEqualTo(2);
        assertThat(aggregate.seen()).isEqualTo(2);
    }
}
