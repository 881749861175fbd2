package io.sourceflow.jms;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import io.sourceflow.SourceFlowException;
import io.sourceflow.cdi.TransactionalCommandBus;
import io.sourceflow.cdi.UnitOfWork;
import io.sourceflow.spi.DeadLetterStore;
import io.sourceflow.spi.Inbox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Receives the messages of the command queue and the event topic; an MDB hands each one over. The
 * recommended MDB runs without a transaction, so that the work commits first and the container
 * acknowledges the message after {@code onMessage} returns (or has it delivered again when it throws):
 *
 * <pre>{@code
 * @MessageDriven(activationConfig = {
 *     @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/sourceflow/commands"),
 *     @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
 * @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
 * public class CommandListener implements MessageListener {
 *     @Inject JmsInbound inbound;
 *     public void onMessage(Message message) { inbound.receive(message); }
 * }
 * }</pre>
 *
 * <p>Then a message is never held out of its queue: a server that dies before the acknowledgement
 * leaves it at the head of its queue (or of its entity's message group), where the next consumer
 * takes it before the entity's later messages; if the work had committed, the inbox skips it. With
 * container-managed transactions (the annotation left out) the delivery is one branch of a two-phase
 * commit with the database: a server that dies after the broker prepared it leaves the message held
 * by the broker until that server's recovery rolls it back, and the entity's later messages are
 * processed first (docs/failure-semantics.md).
 *
 * <p>A received command is published on the local {@link CommandBus} (logged and sequenced here),
 * a received event enqueued on the local {@link EventQueue}, both with {@code origin=REMOTE} so
 * they are never sent out again. The message id is recorded in the {@link Inbox} in the same
 * transaction: a redelivered duplicate is acknowledged and skipped. Events this application sent
 * itself (unless its servers are competing consumers sharing one subscription), and events of a
 * type no local handler takes, are acknowledged and skipped too. A received command is checked against its
 * Bean Validation constraints (when the application has a {@code Validator}, as every Jakarta EE server
 * does) before it is handled.
 *
 * <p>When processing fails the exception propagates, the work is rolled back and the broker
 * delivers the message again. The delivery numbered {@code sourceflow.jms.max-deliveries}
 * ({@code JMSXDeliveryCount}) is processed in a transaction of its own; if that fails too, the
 * message is parked in the {@link DeadLetterStore} with its body, headers, error and delivery
 * count, and acknowledged, so the queue keeps flowing.
 *
 * <p>Without a caller transaction, what the work sends (events, commands for other servers, statuses
 * sent back) is kept in the {@link io.sourceflow.spi.Outbox} when the application has one
 * ({@code sourceflow-jpa}), committed with the work in one database transaction, and sent once it
 * committed, before this method returns ({@link OutboxRelay}): no two-phase commit with the broker,
 * and no window in which the work commits while its sends are lost. A delivery whose message the
 * inbox finds processed sends what is still kept for it.
 *
 * <p>A command that a business rule refuses ({@link io.sourceflow.CommandRejectedException}), or that
 * names an entity that does not exist (or creates one that exists), is not delivered
 * again and again: it is judged once more in a transaction of its own, then recorded as rejected
 * ({@link Statuses}) and acknowledged. A received command's status (applied, rejected, parked) is
 * recorded in the transaction that handles it; a status sent back to this application is recorded
 * here too.
 */
@ApplicationScoped
public class JmsInbound {

    private static final Logger LOG = Logger.getLogger(JmsInbound.class.getName());

    @Inject
    JmsResources resources;
    @Inject
    IsolatedAttempt isolated;
    @Inject
    Inbox inbox;
    @Inject
    DeadLetterStore deadLetters;
    @Inject
    CommandBus bus;
    @Inject
    EventQueue events;
    @Inject
    Instance<Object> beans;
    @Inject
    Statuses statuses;
    @Inject
    UnitOfWork transaction;
    @Inject
    TransactionalCommandBus transactionalBus;
    @Inject
    OutboxKeeper keeper;
    @Inject
    OutboxRelay relay;

    private Constraints constraints;
    private LastDelivery lastDelivery;
    private Rejection rejection;

    @PostConstruct
    void prepare() {
        constraints = Constraints.of(beans);
        lastDelivery = new LastDelivery(resources, deadLetters, statuses, transactionalBus::logHolds);
        rejection = new Rejection(resources, inbox, statuses, transaction);
    }

    /**
     * Processes one delivery: in transactions of its own, committed before this method returns and
     * the container acknowledges the message, when the caller runs without a transaction (an MDB with
     * {@code NOT_SUPPORTED}); else in the caller's transaction (an MDB with container-managed
     * transactions, which acknowledges the message in the same transaction).
     *
     * @param message the received message
     * @throws RuntimeException when processing failed and the message should be delivered again
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void receive(Message message) {
        Objects.requireNonNull(message, "message");
        Delivery delivery = new Delivery(message, resources.settings());
        boolean callersTransaction = transaction.inJtaTransaction();
        boolean last = delivery.count() >= resources.settings().maxDeliveries();
        boolean isolate = !callersTransaction || last || delivery.count() > 1;
        boolean keep = !callersTransaction && keeper.enabled();
        String cause = keep ? delivery.outboxCause() : null;
        OutboxKeeper.Kept kept = null;
        try {
            if (keep) {
                if (delivery.count() > 1) {
                    // an earlier delivery may have committed (a parked one, say) and failed to send what it kept
                    relayKept(delivery, () -> relay.sendKept(cause));
                }
                kept = isolated.call(() -> keeper.keeping(cause, () -> process(delivery)));
            } else if (isolate) {
                isolated.run(() -> process(delivery));
            } else {
                process(delivery);
            }
        } catch (RuntimeException failure) {
            Optional<SourceFlowException> rejection = delivery.isCommand() ? Rejection.in(failure) : Optional.empty();
            if (rejection.isEmpty() && !last) {
                throw failure;
            }
            // what becomes of it (rejected, parked, or a transient failure to deliver again) is written in
            // the caller's transaction, or without one in a transaction of its own, committed before the
            // container acknowledges the message
            Runnable outcome = () -> failed(delivery, failure, rejection, isolate);
            if (callersTransaction) {
                outcome.run();
            } else if (keep) {
                kept = isolated.call(() -> keeper.keeping(cause, outcome));
            } else {
                isolated.run(outcome);
            }
        }
        if (kept != null) {
            // the work committed: what it sent goes out before the container acknowledges the message
            OutboxKeeper.Kept committed = kept;
            relayKept(delivery, () -> relay.send(committed));
        }
    }

    private void relayKept(Delivery delivery, Runnable send) {
        try {
            send.run();
        } catch (RuntimeException failure) {
            lastDelivery.sendFailed(delivery, failure);
        }
    }

    private void failed(Delivery delivery, RuntimeException failure, Optional<SourceFlowException> rejection, boolean isolated) {
        if (rejection.isPresent()) {
            this.rejection.rejected(delivery, rejection.get(), isolated);
        } else {
            lastDelivery.failed(delivery, failure);
        }
    }

    private void process(Delivery delivery) {
        JmsTelemetry.Step span = resources.telemetry().receive(delivery.message(), delivery.destination());
        try {
            String statusFor = delivery.statusFor();
            if (statusFor != null) {
                if (statusFor.equals(resources.settings().consumer())) {
                    statuses.received(delivery);
                }
                return;
            }
            EnvelopeCodec.Head head = resources.codec().head(delivery.body());
            delivery.head = head;
            span.describe(head.isEvent() ? JmsSender.EVENT_TYPE : JmsSender.COMMAND_TYPE, head.alias(), head.metadata());
            if (head.isEvent() && !resources.settings().competingConsumers() && delivery.sentByThisApplication()) {
                return;
            }
            EnvelopeCodec.Head read = head.isEvent() ? currentEventOrNull(head) : resources.codec().current(head);
            if (read == null) {
                return;
            }
            Class<? extends io.sourceflow.Message> type = resources.codec().type(read);
            if (!inbox.record(resources.settings().consumer(), head.metadata().messageId())) {
                keeper.duplicate();
                resources.telemetry().duplicate();
                LOG.fine(() -> head.describe() + " was processed before; skipped");
                return;
            }
            Envelope<?> envelope = resources.codec().envelope(read, type);
            if (envelope.message() instanceof Command) {
                constraints.check(read, envelope.message());
            }
            hand(delivery, envelope);
        } catch (RuntimeException | Error e) {
            span.failed(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * The event at its current revision, or null when no local view or aggregate takes it: its alias
     * is not registered here and no upcaster reads it. An event of an alias read here but at a
     * revision that cannot be read (newer than the registered class, or older than any upcaster) is
     * not skipped: {@link EnvelopeCodec#current} refuses it, and it is parked.
     */
    private EnvelopeCodec.Head currentEventOrNull(EnvelopeCodec.Head head) {
        if (!resources.types().reads(head.alias())) {
            resources.telemetry().ignored();
            LOG.fine(() -> head.describe() + " is taken by no local handler; skipped");
            return null;
        }
        return resources.codec().current(head);
    }

    private void hand(Delivery delivery, Envelope<?> envelope) {
        Metadata remote = envelope.metadata().withOrigin(Metadata.Origin.REMOTE).withReplay(false);
        if (!resources.settings().trustPrincipal()) {
            remote = remote.withPrincipal(null);
        }
        if (envelope.message() instanceof Command command) {
            statuses.applied(delivery, bus.publish(new Envelope<>(command, remote)).sequenceNo());
        } else {
            events.enqueue(new Envelope<>((Event) envelope.message(), remote));
        }
    }
}
