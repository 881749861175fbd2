package io.sourceflow.test;

import io.sourceflow.Command;
import io.sourceflow.Saga;
import io.sourceflow.cdi.StandaloneRuntime;
import io.sourceflow.spi.TypeArguments;

/**
 * Tests a saga with no container and no database: given earlier commands or a state, when a
 * command, expect the events raised, the commands published, the entity's new state or an
 * exception. Each fixture has its own in-memory stores; a test takes milliseconds.
 *
 * <pre>{@code
 * SagaFixture<BankAccount> accounts = SagaFixture.of(new AccountSaga());
 *
 * accounts.given(new CreateAccount(EntityRef.of("a-1").asNew(), "Jane", new BigDecimal("100")))
 *         .when(new WithdrawMoney(EntityRef.of("a-1"), new BigDecimal("150")))
 *         .expectException(BusinessRuleException.class, "cannot withdraw 150")
 *         .expectNoEvents();
 * }</pre>
 *
 * <p>The command under test goes through the whole pipeline (log, entity store, views and
 * aggregates given as {@code others}), in a unit of work that is undone when it fails. Commands the
 * handlers publish are recorded; those no saga of the fixture handles go nowhere, as if another
 * application took them.
 *
 * @param <E> the saga's entity type
 */
public final class SagaFixture<E> {

    private final FixtureRuntime fixture;
    private final Class<E> entityType;

    private SagaFixture(Saga<E> saga, Object... others) {
        fixture = new FixtureRuntime(saga, others);
        entityType = TypeArguments.of(saga.getClass(), Saga.class);
    }

    /**
     * A fixture for a saga made with {@code new} (with whatever collaborators it takes).
     *
     * @param saga the saga under test
     * @param others more sagas, aggregates and views that take part (a view to check, say)
     * @param <E> the saga's entity type
     * @return the fixture
     * @throws IllegalArgumentException listing every problem with the handlers, as a deployment would
     */
    public static <E> SagaFixture<E> of(Saga<E> saga, Object... others) {
        return new SagaFixture<>(saga, others);
    }

    /**
     * Publishes earlier commands, in order; what they raise and publish is not recorded.
     *
     * @param commands the commands
     * @return this fixture
     * @throws IllegalStateException when one of them fails
     */
    public SagaFixture<E> given(Command... commands) {
        for (Command command : commands) {
            try {
                fixture.publish(command);
            } catch (RuntimeException e) {
                throw new IllegalStateException("The given command " + command + " failed: " + e, e);
            }
        }
        return this;
    }

    /**
     * Sets an entity's state, as if earlier commands had made it.
     *
     * @param entityId the entity's id
     * @param entity its state
     * @return this fixture
     */
    public SagaFixture<E> givenState(String entityId, E entity) {
        fixture.runtime().entities().persist(entityType, entityId, entity);
        return this;
    }

    /**
     * Publishes the command under test.
     *
     * @param command the command
     * @return what it did, to check; the state is the command's entity
     */
    public Then<E> when(Command command) {
        String entityId = command.entity().id();
        return fixture.record(command, () -> fixture.runtime().bus().publish(command),
                runtime -> runtime.entities().find(entityType, entityId).orElse(null));
    }

    /** @return the runtime under the fixture, to read its log, entities and view models */
    public StandaloneRuntime runtime() {
        return fixture.runtime();
    }
}
