package io.sourceflow.jms;

import io.sourceflow.CommandStatus;
import io.sourceflow.CommandStatus.State;
import io.sourceflow.EntityRef;
import io.sourceflow.MessageFormatException;
import io.sourceflow.Metadata;
import io.sourceflow.SourceFlowException;
import io.sourceflow.spi.CommandStatusStore;
import io.sourceflow.spi.SafeText;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Records what becomes of commands, when {@code sourceflow.jms.command-statuses} is on: accepted in
 * the transaction that sends one; applied, rejected or parked in the transaction that handles it.
 * A command that another application sent also has its status sent back to that application on the
 * event topic, with the property {@value #FOR} naming it, since it may keep its statuses in another
 * database; that application's event listener records it. A status never goes back: an applied or
 * rejected command stays so, and a parked one can still be applied once it is re-driven.
 */
@Singleton
class Statuses {

    /** The property that addresses a status message to the application that sent the command. */
    static final String FOR = "sourceflow_status_for";
    /** The {@value JmsSender#TYPE} of a status message. */
    static final String TYPE = "sourceflow.CommandStatus";
    /** The longest problem kept, in characters. */
    static final int PROBLEM_LENGTH = 2_000;
    private static final int ALIAS_LENGTH = 255;

    @Inject
    JmsResources resources;
    @Inject
    CommandStatusStore store;
    @Inject
    JmsSender sender;

    /** A command was sent: recorded as accepted. */
    void accepted(String alias, Metadata sent) {
        if (enabled()) {
            record(new CommandStatus(sent.messageId(), State.ACCEPTED, alias, sent.entityId(), 0, null, Instant.now()));
        }
    }

    /** A received command was handled and logged under a sequence number. */
    void applied(Delivery delivery, long sequenceNo) {
        handled(delivery, State.APPLIED, sequenceNo, null);
    }

    /** A received command was refused by a business rule, or names an entity that does not exist (or exists already). */
    void rejected(Delivery delivery, SourceFlowException rejection) {
        String problem = rejection.getMessage() == null ? rejection.getClass().getSimpleName() : rejection.getMessage();
        handled(delivery, State.REJECTED, 0, problem);
    }

    /** A received command was parked as a dead letter. */
    void parked(Delivery delivery, String reason) {
        handled(delivery, State.PARKED, 0, reason);
    }

    /**
     * A status sent back to this application: recorded unless it would take the command back.
     *
     * @throws MessageFormatException when the body is not a status
     */
    void received(Delivery delivery) {
        if (!enabled()) {
            return;
        }
        CommandStatus status = resources.serializer().deserialize(delivery.body(), CommandStatus.class);
        if (status == null) {
            throw new MessageFormatException("A command status message has the body null");
        }
        if (status.entityId() != null) {
            EntityRef.checkId(status.entityId());
        }
        record(new CommandStatus(status.messageId(), status.state(), SafeText.storable(status.messageType(), ALIAS_LENGTH),
                status.entityId(), status.sequenceNo(), problem(status.problem()), status.recordedOn()));
    }

    private void handled(Delivery delivery, State state, long sequenceNo, String problem) {
        if (!enabled() || !delivery.isCommand()) {
            return;
        }
        EnvelopeCodec.Head head = delivery.head;
        CommandStatus status = new CommandStatus(head.metadata().messageId(), state, SafeText.storable(head.alias(), ALIAS_LENGTH),
                head.metadata().entityId(), sequenceNo, problem(problem), Instant.now());
        record(status);
        String to = delivery.sender();
        if (to != null && !to.equals(resources.settings().consumer())) {
            sender.sendStatus(status, to);
        }
    }

    private void record(CommandStatus status) {
        Optional<CommandStatus> known = store.find(status.messageId());
        if (known.isEmpty() || rank(known.get().state()) <= rank(status.state())) {
            store.record(status);
        }
    }

    private boolean enabled() {
        return resources.settings().commandStatuses();
    }

    private static String problem(String text) {
        return text == null ? null : SafeText.storable(text, PROBLEM_LENGTH);
    }

    private static int rank(State state) {
        return switch (state) {
            case ACCEPTED -> 0;
            case PARKED -> 1;
            case APPLIED, REJECTED -> 2;
        };
    }
}
