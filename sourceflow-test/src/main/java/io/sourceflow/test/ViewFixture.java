package io.sourceflow.test;

import io.sourceflow.Event;
import io.sourceflow.View;
import io.sourceflow.cdi.StandaloneRuntime;
import io.sourceflow.spi.TypeArguments;

/**
 * Tests a view with no container and no database: given earlier events of an entity, when one more,
 * expect the view model kept under the entity's id. Events are numbered per entity (1, 2, ...) as
 * a saga's would be, so a view that reads {@code Metadata.sequenceNo()} sees real numbers.
 *
 * <pre>{@code
 * ViewFixture<AccountViewModel> view = ViewFixture.of(new AccountView());
 *
 * view.given("a-1", new AccountCreated(opened))
 *     .when("a-1", new AccountUpdated(afterDeposit))
 *     .expectState(model -> assertThat(model.getCurrentBalance()).isEqualByComparingTo("150"));
 * }</pre>
 *
 * @param <V> the view model type
 */
public final class ViewFixture<V> {

    private final FixtureRuntime fixture;
    private final Class<V> modelType;

    private ViewFixture(View<V> view, Object... others) {
        fixture = new FixtureRuntime(view, others);
        modelType = TypeArguments.of(view.getClass(), View.class);
    }

    /**
     * A fixture for a view made with {@code new}.
     *
     * @param view the view under test
     * @param others more views and aggregates that take part
     * @param <V> the view model type
     * @return the fixture
     * @throws IllegalArgumentException listing every problem with the handlers, as a deployment would
     */
    public static <V> ViewFixture<V> of(View<V> view, Object... others) {
        return new ViewFixture<>(view, others);
    }

    /**
     * Delivers earlier events of one entity, in order; what they cause is not recorded.
     *
     * @param entityId the entity the events are about
     * @param events the events
     * @return this fixture
     * @throws IllegalStateException when the view fails on one of them
     */
    public ViewFixture<V> given(String entityId, Event... events) {
        for (Event event : events) {
            try {
                fixture.deliver(entityId, event);
            } catch (RuntimeException e) {
                throw new IllegalStateException("The given event " + event + " failed: " + e, e);
            }
        }
        return this;
    }

    /**
     * Delivers the event under test.
     *
     * @param entityId the entity the event is about
     * @param event the event
     * @return what it did, to check; the state is the view model kept under the entity's id
     */
    public Then<V> when(String entityId, Event event) {
        return fixture.record(event, () -> fixture.deliver(entityId, event),
                runtime -> runtime.views().find(modelType, entityId).orElse(null));
    }

    /** @return the runtime under the fixture, to read the view models kept under other ids */
    public StandaloneRuntime runtime() {
        return fixture.runtime();
    }
}
