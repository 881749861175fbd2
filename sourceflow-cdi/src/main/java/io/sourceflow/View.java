package io.sourceflow;

import io.sourceflow.spi.TypeArguments;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Projects events into read models (view models) with {@link Projects} methods. A view model a
 * projection returns is persisted under the event's entity id.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class AccountView extends View<AccountViewModel> {
 *     @Projects
 *     AccountViewModel on(AccountViewModel current, AccountUpdated event) { ... }
 * }
 * }</pre>
 *
 * <p>View models kept under an entity's id are rebuilt when that entity is replayed. A view can
 * keep its models under an id the event carries instead ({@link Projects#key()}: a total per
 * branch, an order's view fed by stock events); such a model is not cleared by a replay, and an
 * event of a command the view has applied already (replayed, redelivered) passes it by.
 *
 * @param <V> the view model type
 */
public abstract class View<V> {

    private ViewModels store;

    private volatile Class<V> modelType;

    /** For subclasses. */
    protected View() {
    }

    @Inject
    void useRuntime(Instance<ViewModels> models) {
        connect(RuntimeBeans.require(models, ViewModels.class, this));
    }

    /** Connects the view to a runtime; the container's injection does it, or a runtime made without one. */
    void connect(ViewModels models) {
        store = models;
    }

    /**
     * Loads a view model.
     *
     * @param id its id
     * @return the model, or empty when there is none
     */
    protected Optional<V> find(String id) {
        return RuntimeBeans.connected(store, this).find(modelType(), id);
    }

    /**
     * Persists a view model under an id.
     *
     * @param id the id
     * @param model the model
     */
    protected void persist(String id, V model) {
        RuntimeBeans.connected(store, this).persist(modelType(), id, model);
    }

    /**
     * The view model class, from this view's type argument.
     *
     * @return the class {@code V}
     */
    protected Class<V> modelType() {
        Class<V> type = modelType;
        if (type == null) {
            type = TypeArguments.of(getClass(), View.class);
            modelType = type;
        }
        return type;
    }
}
