package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.COMMANDS;
import static io.sourceflow.jms.support.EmbeddedBroker.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.jms.support.Closer;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.TransactedConsumer.Delivery;
import io.sourceflow.jms.support.XaConnectionFactory;
import io.sourceflow.jpa.people.CardView;
import io.sourceflow.jpa.people.Member;
import io.sourceflow.jpa.people.MemberSaga;
import io.sourceflow.jpa.people.Members.Card;
import io.sourceflow.jpa.people.Members.Join;
import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Personal data between two servers: sealed in every command and event on the broker; a server whose
 * key store lacks the subject's key parks the command with a reason that says so (its dead letter
 * sealed too); once the key store is shared, the re-driven command is handled and both servers read
 * the name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataOverJmsTest {

    private static final String NAME = "Jane Roe-Wire";
    private static final String EMAIL = "jane.wire@example.org";

    final Closer closer = new Closer();
    TestServer a;
    TestServer b;
    TransactedConsumer aCommands;
    TransactedConsumer bEvents;

    @BeforeAll
    void start() {
        EmbeddedBroker broker = closer.add(EmbeddedBroker.start("personal", false));
        XaConnectionFactory factory = closer.add(new XaConnectionFactory(broker.xaConnectionFactory()));
        aCommands = closer.add(TransactedConsumer.ofQueue(broker.xaConnectionFactory(), COMMANDS));
        bEvents = closer.add(TransactedConsumer.ofSubscription(broker.xaConnectionFactory(), EVENTS, "b"));
        a = closer.add(TestServer.named("personal_a").jpa().jms(factory)
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.event-topic", EVENTS)
                .config("sourceflow.jms.routed-events", "*")
                .config("sourceflow.jms.consumer", "a")
                .config("sourceflow.jms.max-deliveries", "1")
                .beans(MemberSaga.class)
                .start());
        b = closer.add(TestServer.named("personal_b").jpa().jms(factory)
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.event-topic", EVENTS)
                .config("sourceflow.jms.routed-commands", "*")
                .config("sourceflow.jms.consumer", "b")
                .beans(CardView.class)
                .start());
    }

    @AfterAll
    void stop() throws Exception {
        closer.closeAll();
    }

    @Test
    void personalDataIsSealedOnTheWireAndNeedsTheSharedKeyStoreToBeRead() throws Exception {
        // given: B sends a member's join to A, whose key store does not know the member
        b.get(CommandBus.class).publish(new Join(EntityRef.of("w-1").asNew(), NAME, EMAIL, "gold"));
        List<String> onTheWire = new ArrayList<>();

        // when
        List<Delivery> first = aCommands.drain(message -> a.get(JmsInbound.class).receive(recorded(message, onTheWire)));

        // then: sealed on the queue, parked by A with the reason, sealed in the dead letter
        assertThat(first).singleElement().satisfies(d -> assertThat(d.committed()).isTrue());
        assertThat(onTheWire).singleElement().satisfies(body -> assertThat(body).doesNotContain(NAME, EMAIL)
                .contains("sourceflow:personal", "gold"));
        DeadLetter letter = a.get(DeadLetters.class).list(false, 10).get(0);
        assertThat(letter.error()).contains("Cannot read the personal field " + Join.class.getName()
                + ".name: the key store has no key for its data subject 'w-1'");
        assertThat(letter.body()).doesNotContain(NAME, EMAIL);
        assertThat(a.rows().query("SELECT COUNT(*) FROM sourceflow_command")).containsExactly(List.of(0L));

        // when: A's key store is given B's key (as one shared store would), and the command is re-driven
        List<Object> key = b.rows().query("SELECT subject, secret, created_on FROM sourceflow_subject_key").get(0);
        a.rows().update("INSERT INTO sourceflow_subject_key (subject, secret, created_on) VALUES (?, ?, CURRENT_TIMESTAMP)",
                key.get(0), key.get(1));
        a.get(DeadLetters.class).redrive(letter.id());
        onTheWire.clear();
        aCommands.drain(message -> a.get(JmsInbound.class).receive(recorded(message, onTheWire)));
        bEvents.drain(message -> b.get(JmsInbound.class).receive(recorded(message, onTheWire)));

        // then: handled on A, projected on B, sealed on the broker all the way
        Member member = a.get(EntityStore.class).find(Member.class, "w-1").orElseThrow();
        assertThat(member.getName()).isEqualTo(NAME);
        assertThat(member.getEmail()).isEqualTo(EMAIL);
        assertThat(b.get(ViewModelStore.class).find(Card.class, "w-1")).contains(new Card("w-1", NAME, "gold"));
        assertThat(onTheWire).hasSizeGreaterThanOrEqualTo(2).noneMatch(body -> body.contains(NAME) || body.contains(EMAIL));
    }

    private static Message recorded(Message message, List<String> bodies) {
        try {
            if (message instanceof TextMessage text) {
                bodies.add(text.getText());
            }
            return message;
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read the message's body", e);
        }
    }
}
