package io.sourceflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.Command;
import io.sourceflow.CommandRejectedException;
import io.sourceflow.EntityRef;
import io.sourceflow.Event;
import io.sourceflow.Handles;
import io.sourceflow.Saga;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;

/** An immutable record as a saga's entity: each handler returns the next state, and replay rebuilds it. */
class RecordEntityTest {

    record Counter(String id, int value) {
    }

    record Start(EntityRef entity) implements Command {
    }

    record Add(EntityRef entity, int amount) implements Command {
    }

    record Counted(String id, int value) implements Event {
    }

    @ApplicationScoped
    static class CounterSaga extends Saga<Counter> {
        @Override
        protected Counter create(EntityRef ref) {
            return new Counter(ref.id(), 0);
        }

        @Handles
        Counter on(Counter counter, Start start) {
            return counter;
        }

        @Handles
        Counter on(Counter counter, Add add) {
            if (add.amount() <= 0) {
                throw new CommandRejectedException("Counter " + counter.id() + " only counts up");
            }
            Counter next = new Counter(counter.id(), counter.value() + add.amount());
            raise(new Counted(next.id(), next.value()));
            return next;
        }
    }

    private static final EntityRef C1 = EntityRef.of("c-1");

    @Test
    void eachCommandReturnsTheNextStateAndAFailedOneKeepsTheLast() {
        SagaFixture<Counter> counters = SagaFixture.of(new CounterSaga());

        counters.given(new Start(C1.asNew()), new Add(C1, 2))
                .when(new Add(C1, 3))
                .expectEvents(new Counted("c-1", 5))
                .expectState(new Counter("c-1", 5));
        counters.when(new Add(C1, -1))
                .expectException(CommandRejectedException.class, "only counts up")
                .expectState(new Counter("c-1", 5));
    }

    @Test
    void replayRebuildsTheRecordFromTheLog() {
        SagaFixture<Counter> counters = SagaFixture.of(new CounterSaga());
        counters.given(new Start(C1.asNew()), new Add(C1, 2), new Add(C1, 3));

        long replayed = counters.runtime().bus().replay(C1);

        assertThat(replayed).isEqualTo(3);
        assertThat(counters.runtime().entities().find(Counter.class, "c-1")).contains(new Counter("c-1", 5));
    }
}
