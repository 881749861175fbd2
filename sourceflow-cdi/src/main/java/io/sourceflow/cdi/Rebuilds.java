package io.sourceflow.cdi;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.ViewRebuilds;
import io.sourceflow.spi.KeyedStore;
import io.sourceflow.spi.ViewModelStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rebuilds views alone: {@link #start} deletes their models and opens a new generation of their
 * positions ({@link ViewRebuild}), {@link #replay} runs the bus's replay within a {@link RebuildScope}
 * naming them, {@link #finish} closes the rebuild. The same for the container's bean
 * ({@link CdiViewRebuilds}) and a {@link StandaloneRuntime}.
 *
 * <p>The start is two steps a settle margin apart, each in a transaction of its own. The first opens a
 * generation in which the views leave every entity's live events to the rebuild, and deletes their
 * models. A command whose transaction read the views' earlier generation may still write into them
 * meanwhile; the second step, once such transactions have ended, deletes the models again and opens
 * the generation the rebuild fills, in which entities logged from a margin later are new.
 */
final class Rebuilds implements ViewRebuilds {

    /** The model class of each view class here. */
    private final Map<Class<?>, Class<?>> modelOf;
    /** The names of the views that keep their models under a key the events carry. */
    private final Set<String> keyedViews = new LinkedHashSet<>();
    private final LoggedTypes types;
    private final ViewModelStore models;
    private final KeyedStore states;
    private final CommandBus bus;
    private final RebuildScope scope;
    private final OwnTransaction transaction;
    private final Duration settle;

    /** Runs work in a transaction of its own, committed when it returns. */
    @FunctionalInterface
    interface OwnTransaction {
        void run(Runnable work);
    }

    /**
     * @param states where the views' rebuild states are kept ({@link ViewRebuild}): the entity store, read
     *     from the database on a transaction's first read
     * @param bus the bus whose replay re-runs an entity: the application's, with its transaction and retries
     * @param transaction runs each step of a start and the finish in a transaction of its own
     * @param settle the margin between the start's steps, and after it until entities count as new:
     *     longer than a command's transaction lasts and than the clocks of the servers differ
     */
    Rebuilds(HandlerRegistry registry, ViewModelStore models, KeyedStore states, CommandBus bus, RebuildScope scope,
            OwnTransaction transaction, Duration settle) {
        this.states = states;
        this.settle = settle;
        this.modelOf = registry.viewModels();
        registry.keyedViews().forEach(view -> keyedViews.add(view.getName()));
        this.types = new LoggedTypes(registry);
        this.models = models;
        this.bus = bus;
        this.scope = scope;
        this.transaction = transaction;
    }

    @Override
    public Instant start(String owner, Set<Class<?>> views, Set<Class<?>> entityTypes) {
        Objects.requireNonNull(owner, "owner");
        Set<String> names = names(views);
        Objects.requireNonNull(entityTypes, "entityTypes");
        if (entityTypes.isEmpty()) {
            throw new IllegalArgumentException("Name the entity types whose events " + names + " take: a rebuild replays them alone");
        }
        List<String> replayed = entityTypes.stream().map(types::nameOf).sorted().toList();
        Set<Class<?>> cleared = new LinkedHashSet<>();
        for (Class<?> view : views) {
            cleared.add(modelOf.get(view));
        }
        modelOf.forEach((view, model) -> {
            if (!views.contains(view) && cleared.contains(model)) {
                throw new IllegalArgumentException(view.getName() + " keeps its models in " + model.getName()
                        + " too, which a rebuild of " + names + " deletes; rebuild them together");
            }
        });
        transaction.run(() -> open(owner, names, cleared, replayed, null));
        pause();
        Instant newFrom = Instant.now().plus(settle);
        transaction.run(() -> open(owner, names, cleared, replayed, newFrom));
        return newFrom.plus(settle);
    }

    /** Deletes the views' models and opens their next generation, unless another owner's rebuild of one runs. */
    private void open(String owner, Set<String> views, Set<Class<?>> cleared, List<String> replayed, Instant newFrom) {
        List<ViewRebuild> last = running(owner, views);
        cleared.forEach(models::deleteAll);
        int i = 0;
        for (String view : views) {
            states.persist(ViewRebuild.class, view, new ViewRebuild(last.get(i++).generation() + 1, replayed, newFrom, owner));
        }
    }

    /**
     * The views' states, each checked to be free or the owner's own.
     *
     * @throws IllegalStateException when another owner's rebuild of one runs
     */
    private List<ViewRebuild> running(String owner, Set<String> views) {
        List<ViewRebuild> found = new ArrayList<>();
        for (String view : views) {
            ViewRebuild state = states.find(ViewRebuild.class, view).orElse(ViewRebuild.NONE);
            if (state.running() && !owner.equals(state.owner())) {
                throw new IllegalStateException("A rebuild of " + view + " runs already, by " + state.owner() + "; let it finish,"
                        + " or end it with ViewRebuilds.finish(\"" + state.owner() + "\", ...) first");
            }
            found.add(state);
        }
        return found;
    }

    private void pause() {
        if (settle.isZero()) {
            return;
        }
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the rebuild's start settled; start it again", e);
        }
    }

    @Override
    public long replay(Class<?> entityType, EntityRef entity, Set<Class<?>> views) {
        Set<String> names = names(views);
        Set<String> keyed = new LinkedHashSet<>(names);
        keyed.retainAll(keyedViews);
        return scope.run(names, keyed, () -> bus.replay(entityType, entity));
    }

    @Override
    public void finish(String owner, Set<Class<?>> views) {
        Objects.requireNonNull(owner, "owner");
        Set<String> names = names(views);
        transaction.run(() -> {
            List<ViewRebuild> last = running(owner, names);
            int i = 0;
            for (String view : names) {
                states.persist(ViewRebuild.class, view, new ViewRebuild(last.get(i++).generation(), List.of(), null, null));
            }
        });
    }

    @Override
    public Set<Class<?>> views() {
        return modelOf.keySet();
    }

    /** The views' class names, each checked to be a view here. */
    private Set<String> names(Set<Class<?>> views) {
        Objects.requireNonNull(views, "views");
        if (views.isEmpty()) {
            throw new IllegalArgumentException("Name at least one view to rebuild");
        }
        List<String> unknown = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> view : views) {
            if (modelOf.containsKey(view)) {
                names.add(view.getName());
            } else {
                unknown.add(view.getName());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Not a view with a @Projects method here: " + String.join(", ", unknown));
        }
        return names;
    }
}
