package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.COMMANDS;
import static io.sourceflow.jms.support.EmbeddedBroker.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.Metadata;
import io.sourceflow.jms.fixtures.Revised;
import io.sourceflow.jms.support.Closer;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.TransactedConsumer;
import io.sourceflow.jms.support.TransactedConsumer.Delivery;
import io.sourceflow.jms.support.XaConnectionFactory;
import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.EntityStore;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A rolling upgrade seen by the receiving server: commands of an older revision (from a server not
 * yet upgraded, put on the queue here with a plain JMS client) are upcast and applied; one of a newer
 * revision is parked with that reason, never decoded, and applied once re-driven to a server of the
 * release that knows it. {@code max-deliveries} is 1, so the first delivery parks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevisionsOverJmsTest {

    final Closer closer = new Closer();
    XaConnectionFactory factory;
    TransactedConsumer commands;
    TestServer release2;
    TestServer release3;

    @BeforeAll
    void start() {
        EmbeddedBroker broker = closer.add(EmbeddedBroker.start("revisions", false));
        factory = closer.add(new XaConnectionFactory(broker.xaConnectionFactory()));
        commands = closer.add(TransactedConsumer.ofQueue(broker.xaConnectionFactory(), COMMANDS));
        release2 = closer.add(server("release2", Revised.TillSaga.class, Revised.AmountRenamed.class, Revised.TillEvents.class,
                Revised.CreditedRenamed.class));
        release3 = closer.add(server("release3", Revised.ChannelTillSaga.class, Revised.AmountRenamed.class,
                Revised.ChannelAdded.class));
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
    void olderRevisionsAreUpcastAppliedAndLoggedAtTheCurrentRevision() throws Exception {
        // when: revision 1, once with its revision and once from a server before revisions (no member)
        send(envelope(", \"revision\": 1", "r-1", "{\"entity\":{\"id\":\"r-1\",\"isNew\":true},\"amt\":5}"));
        send(envelope("", "r-1", "{\"entity\":{\"id\":\"r-1\"},\"amt\":7}"));
        List<Delivery> deliveries = commands.drain(release2.get(JmsInbound.class)::receive);

        // then
        assertThat(deliveries).hasSize(2).allSatisfy(d -> assertThat(d.committed()).isTrue());
        Revised.Till till = till(release2, "r-1");
        assertThat(till.total).isEqualByComparingTo("12");
        assertThat(till.lastReference).isEqualTo("none");
        assertThat(release2.rows().query("SELECT type_revision, payload FROM sourceflow_command WHERE entity_id = 'r-1'"
                + " ORDER BY sequence_no")).extracting(row -> ((Number) row.get(0)).intValue()).containsExactly(2, 2);
        assertThat(count(release2, "SELECT COUNT(*) FROM sourceflow_dead_letter WHERE entity_id = 'r-1'")).isZero();
    }

    @Test
    void aNewerRevisionIsParkedNeverDecodedAndAppliedWhenReDrivenToTheNextRelease() throws Exception {
        // given: release 3 sends revision 3; release 2 receives it
        String body = envelope(", \"revision\": 3", "r-2",
                "{\"entity\":{\"id\":\"r-2\",\"isNew\":true},\"amount\":4,\"reference\":\"x-9\",\"channel\":\"web\"}");
        send(body);
        DeadLetter letter = parkedBy(release2, commands.drain(release2.get(JmsInbound.class)::receive));
        assertThat(letter.error()).contains("revision 3 of 'up.Deposit' is newer than the revision this application knows, 2");
        assertThat(letter.typeAlias()).isEqualTo("up.Deposit");
        assertThat(count(release2, "SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'r-2'")).isZero();

        // when: re-driven once a server of release 3 takes the queue
        release2.get(DeadLetters.class).redrive(letter.id());
        List<Delivery> deliveries = commands.drain(release3.get(JmsInbound.class)::receive);

        // then
        assertThat(deliveries).singleElement().satisfies(d -> assertThat(((TextMessage) d.message()).getText()).isEqualTo(body));
        Revised.Till till = till(release3, "r-2");
        assertThat(till.total).isEqualByComparingTo("4");
        assertThat(till.lastChannel).isEqualTo("web");
    }

    @Test
    void anUpcasterThatFailsParksTheMessageNamingItself() throws Exception {
        send(envelope(", \"revision\": 1", "r-3", "{\"entity\":{\"id\":\"r-3\",\"isNew\":true},\"amount\":5}"));

        DeadLetter letter = parkedBy(release2, commands.drain(release2.get(JmsInbound.class)::receive));

        assertThat(letter.error()).contains("upcaster " + Revised.AmountRenamed.class.getName()
                + " (revision 1 of 'up.Deposit' to revision 2 of 'up.Deposit') failed")
                .contains("a revision 1 deposit has an amt").contains("for entity 'r-3'");
        assertThat(count(release2, "SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = 'r-3'")).isZero();
    }

    @Test
    void anEventOfAnAliasReadHereAtARevisionNoUpcasterReadsIsParkedOneOfAnotherAliasSkipped() throws Exception {
        // given: an event type release 2 takes, at a revision it cannot read; an event of a type it does not take
        String unreadable = event("up.Deposited", 1, "{\"till\":\"r-4\",\"amount\":1}");
        String foreign = event("up.Elsewhere", 1, "{\"x\":1}");

        // when
        send(unreadable);
        DeadLetter letter = parkedBy(release2, commands.drain(release2.get(JmsInbound.class)::receive));
        send(foreign);
        List<Delivery> skipped = commands.drain(release2.get(JmsInbound.class)::receive);

        // then
        assertThat(letter.error()).contains("no upcaster reads revision 1 of 'up.Deposited' (the current revision is 2)");
        assertThat(skipped).singleElement().satisfies(d -> assertThat(d.committed()).isTrue());
        assertThat(count(release2, "SELECT COUNT(*) FROM sourceflow_dead_letter WHERE type_alias = 'up.Elsewhere'")).isZero();
    }

    private String event(String alias, int revision, String payload) {
        String metadata = release2.get(JmsResources.class).serializer.serialize(Metadata.create("r-4"));
        return "{\"kind\":\"event\",\"type\":\"" + alias + "\",\"revision\":" + revision + ",\"metadata\":" + metadata
                + ",\"payload\":" + payload + "}";
    }

    private TestServer server(String name, Class<?>... beans) {
        return TestServer.named(name).jpa().jms(factory)
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.event-topic", EVENTS)
                .config("sourceflow.jms.consumer", name)
                .config("sourceflow.jms.max-deliveries", "1")
                .beans(beans)
                .start();
    }

    private void send(String body) {
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createQueue(COMMANDS), body);
        }
    }

    private String envelope(String revisionMember, String entityId, String payload) {
        String metadata = release2.get(JmsResources.class).serializer.serialize(Metadata.create(entityId));
        return "{\"kind\":\"command\",\"type\":\"up.Deposit\"" + revisionMember + ",\"metadata\":" + metadata + ",\"payload\":"
                + payload + "}";
    }

    private static DeadLetter parkedBy(TestServer server, List<Delivery> deliveries) throws Exception {
        assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.committed()).as("parked and acknowledged").isTrue());
        String transportId = deliveries.get(0).message().getJMSMessageID();
        return server.get(DeadLetters.class).list(true, 1000).stream()
                .filter(l -> Objects.equals(l.headers().get("JMSMessageID"), transportId)).findFirst()
                .orElseThrow(() -> new AssertionError("not parked: " + transportId));
    }

    private static Revised.Till till(TestServer server, String id) {
        return server.get(EntityStore.class).find(Revised.Till.class, id).orElseThrow();
    }

    private static int count(TestServer server, String sql) {
        return ((Number) server.rows().value(sql)).intValue();
    }
}
