package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.COMMANDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.CommandBus;
import io.sourceflow.CommandStatus;
import io.sourceflow.CommandStatuses;
import io.sourceflow.EntityRef;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.jms.support.Closer;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.XaConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A command sent to another server is on the broker's queue when the send returns: a caller told
 * that its command was accepted can send the entity's next command, from any server, and the two
 * are delivered in that order. When the broker does not answer the commit of the send, the caller
 * is told so (an exception), never that the command was accepted while the broker still holds it
 * in doubt: a transaction manager finishes a two-phase commit whose second phase failed by a later
 * retry (WildFly's Narayana, about two minutes later) and meanwhile tells the caller it committed.
 * The send therefore commits in one phase, with the broker alone; the command's status
 * {@code ACCEPTED} is recorded in a transaction of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcceptedSendTest {

    final Closer closer = new Closer();
    EmbeddedBroker broker;
    XaConnectionFactory factory;
    TestServer sender;
    TransactedConsumer commands;

    @BeforeAll
    void start() {
        broker = closer.add(EmbeddedBroker.start("accepted", false));
        factory = closer.add(new XaConnectionFactory(broker.xaConnectionFactory()));
        commands = closer.add(TransactedConsumer.ofQueue(broker.xaConnectionFactory(), COMMANDS));
        sender = closer.add(TestServer.named("accepted").jpa().jms(factory)
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.routed-commands", "*")
                .config("sourceflow.jms.consumer", "front")
                .start());
    }

    @AfterAll
    void stop() throws Exception {
        closer.closeAll();
    }

    @BeforeEach
    void emptyQueue() throws Exception {
        commands.drain(message -> { });
    }

    @Test
    void aCommandWhoseSendReturnedIsOnTheQueueBeforeTheEntitysNextOne() throws Exception {
        // given: the broker will not answer the commit of the next send
        factory.failNextCommit();

        // when: two deposits to one account, the second sent only when the first was accepted
        List<String> accepted = new ArrayList<>();
        Optional<Metadata> first = send("o-1", "1");
        first.ifPresent(m -> accepted.add("1"));
        long afterFirst = broker.depth(COMMANDS);
        send("o-1", "2").ifPresent(m -> accepted.add("2"));

        // then: the second was accepted (the broker answered), an accepted deposit was on the queue when
        // its send returned, and the queue delivers
        // the accepted ones in the order they were sent
        assertThat(accepted).endsWith("2");
        assertThat(afterFirst).as("commands on the queue when the first send returned (accepted: %s)", accepted)
                .isEqualTo(accepted.contains("1") ? 1 : 0);
        assertThat(amounts(commands.drain(message -> { }))).isEqualTo(accepted);
        // the status of an accepted command says so; a send that failed recorded none
        first.ifPresentOrElse(m -> assertThat(statusOf(m)).hasValueSatisfying(s -> assertThat(s.state())
                .isEqualTo(CommandStatus.State.ACCEPTED)), () -> assertThat(accepted).containsExactly("2"));
    }

    @Test
    void theStatusOfASentCommandIsAccepted() throws Exception {
        Metadata sent = send("o-2", "5").orElseThrow();

        assertThat(statusOf(sent)).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(CommandStatus.State.ACCEPTED);
            assertThat(s.entityId()).isEqualTo("o-2");
            assertThat(s.messageType()).isEqualTo("bank.DepositMoney");
        });
        assertThat(amounts(commands.drain(message -> { }))).containsExactly("5");
    }

    private Optional<Metadata> send(String account, String amount) {
        try {
            return Optional.of(sender.get(CommandBus.class).publish(new DepositMoney(EntityRef.of(account), new BigDecimal(amount))));
        } catch (Exception e) { // the transaction manager's HeuristicMixedException passes the interceptor as it is
            return Optional.empty();
        }
    }

    private Optional<CommandStatus> statusOf(Metadata sent) {
        return sender.get(CommandStatuses.class).find(sent.messageId());
    }

    private static List<String> amounts(List<TransactedConsumer.Delivery> deliveries) {
        return deliveries.stream().map(d -> amount(d.message())).toList();
    }

    private static String amount(Message message) {
        try {
            return message.getBody(String.class).replaceAll(".*\"amount\":([0-9.]+).*", "$1");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
