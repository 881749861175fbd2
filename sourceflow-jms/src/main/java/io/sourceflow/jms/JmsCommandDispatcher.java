package io.sourceflow.jms;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Message;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.Outcome;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Sends the command types routed by {@code sourceflow.jms.routed-commands} to the command queue,
 * in the caller's transaction, and takes them: they are neither handled nor logged here (the
 * receiving server logs and sequences them). A command that arrived
 * over JMS ({@code origin=REMOTE}) is never sent again, and during a replay nothing is sent (the
 * routed command is still taken, since the receiving server logged and handled it the first time;
 * with competing consumers it is left to the local saga, since this application logged it).
 *
 * <p>With {@code *}, every command type that no local saga handles is routed. Naming a type
 * explicitly that a local saga also handles is a deployment error (see {@link JmsExtension}),
 * except with {@code sourceflow.jms.competing-consumers=true}: then every server of the application
 * consumes the queue, {@code *} routes every command type, and a routed command comes back from
 * the queue to the local saga of whichever server the broker gives its entity.
 *
 * <p>A sent command is recorded as {@link io.sourceflow.CommandStatus.State#ACCEPTED accepted} in
 * the same transaction (unless {@code sourceflow.jms.command-statuses=false}); the server that
 * handles it records what became of it ({@link io.sourceflow.CommandStatuses}).
 */
@Singleton
public class JmsCommandDispatcher implements CommandDispatcher {

    /** Offered commands before the local dispatcher (1000). */
    public static final int PRIORITY = 500;

    @Inject
    JmsResources resources;
    @Inject
    JmsSender sender;
    @Inject
    Statuses statuses;

    private ClassValue<Boolean> routed;

    @PostConstruct
    void start() {
        JmsSettings settings = resources.settings();
        routed = new ClassValue<>() {
            @Override
            @SuppressWarnings("unchecked")
            protected Boolean computeValue(Class<?> type) {
                String alias = resources.types().aliasOf((Class<? extends Message>) type);
                return settings.routesCommandExplicitly(alias) || settings.routedCommands().contains(JmsSettings.ALL)
                        && (settings.competingConsumers() || !handledLocally(alias, type));
            }
        };
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    /** Routed command types are logged by the receiving server, not here. */
    @Override
    public boolean forwards(Class<? extends Command> type) {
        return routed.get(type);
    }

    /** With competing consumers, the queue this dispatcher sends to is also consumed here. */
    @Override
    public boolean forwardsToOwnQueue() {
        return resources.settings().competingConsumers();
    }

    @Override
    public Outcome dispatch(Envelope<? extends Command> envelope) {
        if (envelope.metadata().isRemote() || !routed.get(envelope.message().getClass())) {
            return Outcome.DECLINED;
        }
        if (envelope.metadata().replay()) {
            // competing consumers: the command was logged here and its saga is here, so the replay is local
            return resources.settings().competingConsumers() ? Outcome.DECLINED : Outcome.TAKEN;
        }
        sender.send(envelope, false);
        statuses.accepted(resources.types().aliasOf(envelope.message().getClass()), envelope.metadata());
        return Outcome.TAKEN;
    }

    /**
     * Whether a local saga handles a command type: the alias registry holds exactly the message
     * types of local handlers, and only sagas handle commands.
     */
    private boolean handledLocally(String alias, Class<?> type) {
        return resources.types().isKnown(alias) && resources.types().typeOf(alias) == type;
    }
}
