package io.sourceflow.jms;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Message;
import io.sourceflow.cdi.UnitOfWork;
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
 * <p>A sent command is recorded as {@link io.sourceflow.CommandStatus.State#ACCEPTED accepted}
 * (unless {@code sourceflow.jms.command-statuses=false}); the server that handles it records what
 * became of it ({@link io.sourceflow.CommandStatuses}). In a caller's or a handler's transaction the
 * status is written in that transaction. When the bus began the transaction for this publish alone
 * ({@link UnitOfWork#publishAlone()}), the status is written and committed first, in a transaction of
 * its own, and the send is the transaction's only work: it commits in one phase with the broker, so
 * the command is on the queue when the publish returns, or the publish fails. (Beside a database write,
 * the send would commit in two phases, and a second phase that the broker does not answer is
 * finished by the transaction manager's recovery minutes later, WildFly telling the caller meanwhile
 * that the transaction committed: the entity's next command could overtake it.) If that commit fails
 * after the status was written, the status names a command that no caller was told of.
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
    @Inject
    IsolatedAttempt isolated;
    @Inject
    UnitOfWork transaction;

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
        String alias = resources.types().aliasOf(envelope.message().getClass());
        if (transaction.publishAlone()) {
            // the send is all this transaction does: it commits in one phase with the broker, so that the
            // command is on the queue when the publish returns (a second phase that fails is finished by
            // a later recovery, while the caller is told the command was sent); the status commits first
            isolated.run(() -> statuses.accepted(alias, envelope.metadata()));
            sender.send(envelope, false);
        } else {
            sender.send(envelope, false);
            statuses.accepted(alias, envelope.metadata());
        }
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
