package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.COMMANDS;
import static io.sourceflow.jms.support.EmbeddedBroker.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import io.sourceflow.NoHandlerException;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.bank.Events.AccountCreated;
import io.sourceflow.jms.fixtures.Counting.Count;
import io.sourceflow.jms.fixtures.Counting.Counter;
import io.sourceflow.jms.fixtures.Counting.CounterSaga;
import io.sourceflow.jms.support.Closer;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.XaConnectionFactory;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.jms.Message;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sending side on its own, with sourceflow-cdi alone (its in-memory stores and JSON-B serializer,
 * no sourceflow-jpa bean; XA sends through Narayana to the embedded
 * broker): what is routed is sent and not handled here, what is not routed is handled here and not
 * sent, routed commands are not logged here, remote messages are never sent again, and neither a
 * rollback nor a replay sends anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatchTest {

    final Closer closer = new Closer();
    final TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
    TestServer server;
    TransactedConsumer commands;
    TransactedConsumer events;
    CommandBus bus;

    @BeforeAll
    void start() {
        EmbeddedBroker broker = closer.add(EmbeddedBroker.start("dispatch", false));
        XaConnectionFactory factory = closer.add(new XaConnectionFactory(broker.xaConnectionFactory()));
        commands = closer.add(TransactedConsumer.ofQueue(broker.xaConnectionFactory(), COMMANDS));
        events = closer.add(TransactedConsumer.ofSubscription(broker.xaConnectionFactory(), EVENTS, "probe"));
        server = closer.add(TestServer.named("dispatch_b").jms(factory)
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.event-topic", EVENTS)
                .config("sourceflow.jms.routed-commands", "*")
                .config("sourceflow.jms.routed-events", "*")
                .config("sourceflow.jms.consumer", "b")
                .beans(CounterSaga.class, AccountView.class)
                .start());
        bus = server.get(CommandBus.class);
    }

    @AfterAll
    void stop() throws Exception {
        closer.closeAll();
    }

    @BeforeEach
    @AfterEach
    void emptyDestinations() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
        sent(commands);
        sent(events);
    }

    @Test
    void aRoutedCommandIsSentWithItsGroupAndPropertiesAndNotHandledHere() throws Exception {
        // when
        Metadata published = bus.publish(new CreateAccount(EntityRef.of("d-1").asNew(), "Dora", BigDecimal.TEN));

        // then
        List<Message> sent = sent(commands);
        assertThat(sent).hasSize(1);
        Message message = sent.get(0);
        assertThat(message.getStringProperty("JMSXGroupID")).isEqualTo("d-1");
        assertThat(message.getStringProperty("sourceflow_type")).isEqualTo("bank.CreateAccount");
        assertThat(message.getStringProperty("sourceflow_message_id")).isEqualTo(published.messageId().toString());
        assertThat(message.getStringProperty("sourceflow_sender")).isEqualTo("b");
        assertThat(message.getJMSCorrelationID()).isEqualTo(published.correlationId().toString());
        EnvelopeCodec.Head head = server.get(JmsResources.class).codec().head(message.getBody(String.class));
        assertThat(head.metadata()).isEqualTo(published);
        assertThat(server.get(EntityStore.class).find(BankAccount.class, "d-1")).isEmpty();
    }

    @Test
    void aCommandTypeWithALocalSagaIsHandledHereAndNotSent() throws Exception {
        // when
        bus.publish(new Count(EntityRef.of("c-1").asNew()));

        // then
        assertThat(sent(commands)).isEmpty();
        assertThat(server.get(EntityStore.class).find(Counter.class, "c-1").orElseThrow().getCount()).isEqualTo(1);
    }

    @Test
    void aRemoteCommandIsNeverSentAgain() throws Exception {
        // given
        Envelope<CreateAccount> remote = new Envelope<>(new CreateAccount(EntityRef.of("d-2").asNew(), "Dan", BigDecimal.ONE),
                Metadata.create("d-2").withOrigin(Metadata.Origin.REMOTE));

        // then
        assertThatThrownBy(() -> bus.publish(remote)).isInstanceOf(NoHandlerException.class);
        assertThat(sent(commands)).isEmpty();
    }

    @Test
    void aRemoteEventIsProjectedHereButNotPublishedAgainWhileALocalOneIsPublished() throws Exception {
        // given
        EventQueue queue = server.get(EventQueue.class);
        BankAccount account = new BankAccount();
        account.setId("d-3");
        account.setBalance(BigDecimal.ONE);

        // when
        queue.enqueue(new Envelope<>(new AccountCreated(account.snapshot()),
                Metadata.create("d-3").withOrigin(Metadata.Origin.REMOTE)));
        List<Message> afterRemote = sent(events);
        Metadata local = Metadata.create("d-3");
        queue.enqueue(new Envelope<>(new AccountCreated(account.snapshot()), local));

        // then
        assertThat(afterRemote).isEmpty();
        assertThat(server.get(ViewModelStore.class).find(AccountViewModel.class, "d-3")).isPresent();
        List<Message> afterLocal = sent(events);
        assertThat(afterLocal).hasSize(1);
        assertThat(afterLocal.get(0).getStringProperty("sourceflow_message_id")).isEqualTo(local.messageId().toString());
    }

    @Test
    void nothingIsSentWhenTheTransactionRollsBackAndTheMessageWhenItCommits() throws Exception {
        // when
        tm.begin();
        bus.publish(new CreateAccount(EntityRef.of("d-4").asNew(), "Dee", BigDecimal.ONE));
        tm.rollback();
        List<Message> afterRollback = sent(commands);
        tm.begin();
        bus.publish(new CreateAccount(EntityRef.of("d-5").asNew(), "Dee", BigDecimal.ONE));
        tm.commit();

        // then
        assertThat(afterRollback).isEmpty();
        assertThat(sent(commands)).extracting(m -> m.getStringProperty("JMSXGroupID")).containsExactly("d-5");
    }

    @Test
    void routedCommandsAreNotLoggedHereAndAReplaySendsNothing() throws Exception {
        // given: two routed commands (logged by the receiving server, not here), and a log entry of
        // a routed type under the empty entity type (no saga here handles it)
        bus.publish(new CreateAccount(EntityRef.of("d-6").asNew(), "Dot", BigDecimal.ONE));
        bus.publish(new DepositMoney(EntityRef.of("d-6"), BigDecimal.TEN));
        assertThat(sent(commands)).hasSize(2);
        assertThatThrownBy(() -> bus.replay(EntityRef.of("d-6"))).isInstanceOf(EntityNotFoundException.class);
        tm.begin();
        server.get(CommandStore.class).append(new Envelope<>(
                new CreateAccount(EntityRef.of("d-7").asNew(), "Old", BigDecimal.ONE), Metadata.create("d-7").withEntityType("")));
        tm.commit();

        // when
        long replayed = bus.replay(EntityRef.of("d-7"));

        // then
        assertThat(replayed).isEqualTo(1);
        assertThat(sent(commands)).isEmpty();
    }

    /** The messages waiting, consumed. */
    private static List<Message> sent(TransactedConsumer consumer) throws Exception {
        return consumer.drain(message -> { }).stream().map(TransactedConsumer.Delivery::message).toList();
    }
}
