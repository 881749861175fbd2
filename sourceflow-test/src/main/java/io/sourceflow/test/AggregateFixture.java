package io.sourceflow.test;

import io.sourceflow.Aggregate;
import io.sourceflow.Event;
import io.sourceflow.cdi.StandaloneRuntime;
import java.util.function.Consumer;

/**
 * Tests an aggregate with no container and no database: when an event it subscribes to, or a call
 * of one of its methods, expect the commands it sends. Commands no saga of the fixture handles go
 * nowhere, as if another application took them; give the saga as one of the {@code others} to
 * have them handled too.
 *
 * <pre>{@code
 * AggregateFixture<AccountAggregate> accounts = AggregateFixture.of(new AccountAggregate());
 *
 * accounts.when(a -> a.deposit("a-1", new BigDecimal("50")))
 *         .expectCommands(new DepositMoney(EntityRef.of("a-1"), new BigDecimal("50")));
 * }</pre>
 *
 * @param <A> the aggregate's class
 */
public final class AggregateFixture<A extends Aggregate<?>> {

    private final FixtureRuntime fixture;
    private final A aggregate;

    private AggregateFixture(A aggregate, Object... others) {
        this.fixture = new FixtureRuntime(aggregate, others);
        this.aggregate = aggregate;
    }

    /**
     * A fixture for an aggregate made with {@code new}.
     *
     * @param aggregate the aggregate under test
     * @param others more sagas, aggregates and views that take part
     * @param <A> the aggregate's class
     * @return the fixture
     * @throws IllegalArgumentException listing every problem with the handlers, as a deployment would
     */
    public static <A extends Aggregate<?>> AggregateFixture<A> of(A aggregate, Object... others) {
        return new AggregateFixture<>(aggregate, others);
    }

    /**
     * Delivers an event to the aggregate's subscriptions (and to the other handlers').
     *
     * @param entityId the entity the event is about
     * @param event the event
     * @return what it did, to check (no state)
     */
    public Then<Void> when(String entityId, Event event) {
        return fixture.record(event, () -> fixture.deliver(entityId, event), runtime -> null);
    }

    /**
     * Calls the aggregate, for the commands its methods send. Each send is published in a unit of work
     * of its own, as in a container without a caller's transaction: when a later one fails, the
     * commands sent before it stay, and the result lists them.
     *
     * @param call what to call on it
     * @return what it did, to check (no state)
     */
    public Then<Void> when(Consumer<A> call) {
        return fixture.record(null, () -> call.accept(aggregate), runtime -> null, false);
    }

    /** @return the runtime under the fixture, to read its log, entities and view models */
    public StandaloneRuntime runtime() {
        return fixture.runtime();
    }
}
