package io.sourceflow;

/**
 * Publishes commands and replays entities. Inject it anywhere:
 *
 * <pre>{@code
 * @Inject CommandBus bus;
 *
 * Metadata created = bus.publish(new CreateAccount(EntityRef.of(id).asNew(), "Jane", new BigDecimal("1000")));
 * bus.publish(new DepositMoney(EntityRef.of(id), new BigDecimal("500")));
 * bus.replay(BankAccount.class, EntityRef.of(id));
 * }</pre>
 *
 * <p>{@code publish} claims the next sequence number of the target entity, appends the command to
 * the entity's log and dispatches it, all in the caller's transaction (one is started when none is
 * active and a container provides JTA). When a handler fails, the exception propagates and nothing
 * the command did is kept.
 */
public interface CommandBus {

    /**
     * Publishes a command created by this application.
     *
     * @param command the command
     * @return the command's metadata, with its claimed sequence number
     * @throws NoHandlerException when no dispatcher accepts the command type
     * @throws ConcurrencyException when another writer claimed the same sequence number
     * @throws EntityNotFoundException when the entity does not exist and the command does not create it
     */
    Metadata publish(Command command);

    /**
     * Publishes a command that arrives with metadata of its own, for example one received from
     * another server: its message id, correlation, origin and properties are kept, and the sequence
     * number is claimed here.
     *
     * @param envelope the command and its metadata
     * @return the metadata as logged, with the claimed sequence number
     */
    Metadata publish(Envelope<? extends Command> envelope);

    /**
     * Rebuilds an entity, and the view models its events keep under its id, by re-running its logged
     * commands in order from an empty state. Commands and the events they raise carry
     * {@code replay=true}; nothing is appended to the log, nothing is sent to other servers, and
     * commands published by handlers during the replay are not published again (they are in their
     * own entities' logs). Each view model is cleared when the replay's first event reaches it, so a
     * view model under the same id that this entity's events do not touch (another type's) stays.
     *
     * @param entityType the entity's class ({@code E} of its {@code Saga<E>}), or {@code null} for the
     *     one type whose log holds the id
     * @param entity the entity to rebuild
     * @return the number of commands replayed
     * @throws EntityNotFoundException when the entity has no logged command
     * @throws IllegalArgumentException when the class is no saga's entity type here, or, without a
     *     class, when the logs of several types hold the id (the message names them)
     */
    long replay(Class<?> entityType, EntityRef entity);

    /**
     * Rebuilds the entity with this id, of the one type whose log holds it; see
     * {@link #replay(Class, EntityRef)}.
     *
     * @param entity the entity to rebuild
     * @return the number of commands replayed
     * @throws EntityNotFoundException when the entity has no logged command
     * @throws IllegalArgumentException when the logs of several entity types hold the id
     */
    default long replay(EntityRef entity) {
        return replay(null, entity);
    }
}
