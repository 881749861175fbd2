package io.sourceflow;

import java.time.Instant;
import java.util.Set;

/**
 * Fills chosen views from the command log again, leaving the entities and every other view as they
 * are: for a view added after go-live, or one whose projection changed. Inject it where a rebuild is
 * driven from (the {@code sourceflow-batch} job in mode {@code views} does, for every entity of the
 * named types):
 *
 * <pre>{@code
 * @Inject ViewRebuilds rebuilds;
 *
 * Set<Class<?>> views = Set.of(InitialsView.class);
 * Instant listFrom = rebuilds.start("initials rebuild", views, Set.of(BankAccount.class));
 * // wait until listFrom, then
 * for (String id : idsOfEveryAccount) {
 *     rebuilds.replay(BankAccount.class, EntityRef.of(id), views);
 * }
 * rebuilds.finish("initials rebuild", views);
 * }</pre>
 *
 * <p>While a rebuild runs the application keeps taking commands. A view that keeps its models under
 * the raising entity's id is right for an entity once the rebuild has replayed it. A view that keeps
 * them under a key the events carry ({@link Projects#key()}) gathers many entities' events, so its
 * models would count an entity's new command twice, or lose its older ones, if the live event and
 * the rebuild met: until the rebuild has replayed an entity of a type it rebuilds from, the view
 * takes none of that entity's new events (the replay, which takes the entity's lock before it reads
 * the log, applies them), unless the entity is younger than the rebuild, with no history to wait for.
 *
 * <p>Both rest on one margin, {@code sourceflow.rebuild.settle-seconds} (5 by default): the start
 * waits it out once (so that commands whose transactions began before the start have ended, and
 * what they wrote into the views is deleted); entities count as younger than the rebuild when their
 * first command was appended a margin after that; and the entities are listed a margin later still
 * (so that every older entity has committed its first command by then, and the clocks of the servers
 * that append commands may differ by up to the margin). Set it above the longest transaction that
 * publishes a command.
 *
 * <p>One rebuild of a view runs at a time: {@link #start} names who runs it, and refuses another
 * owner's while it runs; the same owner may start it again (a job restarted after its start failed).
 *
 * <p>Events that reach the views without a logged command ({@link EventQueue#enqueue} outside a
 * handler) are deleted with the models and not made again. Event dispatchers of the application's
 * own see the replayed events (marked {@code replay}), as in any replay.
 */
public interface ViewRebuilds {

    /**
     * Starts a rebuild of views: deletes every model of each, and opens a new generation of their
     * positions in the entities' events, so that what they applied before counts for nothing. Run it
     * once per rebuild, outside a transaction: it commits two steps of its own, the settle margin
     * apart, and so returns after that margin.
     *
     * @param owner who runs the rebuild, for example the replay job's instance; {@link #finish} names it again
     * @param views the view classes ({@code V} of each {@code extends View<M>}) to rebuild
     * @param entityTypes the entity classes whose events the views take, every one: the rebuild
     *     replays only these, and a view's models made from another type's events are deleted too
     * @return the instant after which to list the entities to replay (two margins after the return)
     * @throws IllegalArgumentException when a class is no view or no saga's entity type here, or a
     *     view's model class is shared with a view not named
     * @throws IllegalStateException when another owner's rebuild of one of the views runs
     * @throws UnsupportedOperationException when the view model store cannot delete a type's models
     */
    Instant start(String owner, Set<Class<?>> views, Set<Class<?>> entityTypes);

    /**
     * Recomputes an entity from its logged commands, in memory, and projects the events it raises
     * into the named views alone: the stored entity, other views, aggregates and observers see
     * nothing. In a transaction of its own unless the caller has one, retried like a publish when
     * another writer got there first.
     *
     * @param entityType the entity's class
     * @param entity the entity
     * @param views the views to project into
     * @return the number of commands replayed
     * @throws EntityNotFoundException when the entity has no logged command
     * @throws IllegalArgumentException when a class is no view here
     */
    long replay(Class<?> entityType, EntityRef entity, Set<Class<?>> views);

    /**
     * The views that can be rebuilt here: the classes with a {@code @Projects} method.
     *
     * @return their classes
     */
    Set<Class<?>> views();

    /**
     * Ends a rebuild: the views take every entity's new events again. Run it once every entity of the
     * types named at the start has been replayed (ending it earlier, to give up a rebuild, leaves the
     * entities not yet replayed without their older events in the views: rebuild them again).
     *
     * @param owner who started it
     * @param views the views named at the start
     * @throws IllegalArgumentException when a class is no view here
     * @throws IllegalStateException when another owner's rebuild of one of the views runs
     */
    void finish(String owner, Set<Class<?>> views);
}
