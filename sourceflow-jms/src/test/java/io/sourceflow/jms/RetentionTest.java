package io.sourceflow.jms;

import static io.sourceflow.jms.support.EmbeddedBroker.COMMANDS;
import static io.sourceflow.jms.support.EmbeddedBroker.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.CommandStatus;
import io.sourceflow.CommandStatuses;
import io.sourceflow.jms.support.Closer;
import io.sourceflow.jms.support.EmbeddedBroker;
import io.sourceflow.jms.support.TestServer;
import io.sourceflow.jms.support.XaConnectionFactory;
import io.sourceflow.spi.CommandStatusStore;
import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterStore;
import io.sourceflow.spi.Inbox;
import jakarta.transaction.TransactionManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link Retention} deletes what is older than the configured retentions, on the JPA stores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionTest {

    final Closer closer = new Closer();
    TestServer server;

    @BeforeAll
    void start() {
        EmbeddedBroker broker = closer.add(EmbeddedBroker.start("retention", false));
        XaConnectionFactory factory = closer.add(new XaConnectionFactory(broker.xaConnectionFactory()));
        server = closer.add(TestServer.named("retention").jpa().jms(factory)
                .config("sourceflow.jms.command-queue", COMMANDS)
                .config("sourceflow.jms.event-topic", EVENTS)
                .config("sourceflow.jms.inbox-retention", "PT1H")
                .config("sourceflow.jms.dead-letter-retention", "P1D")
                .config("sourceflow.jms.status-retention", "PT2H")
                .start());
    }

    @AfterAll
    void stop() throws Exception {
        closer.closeAll();
    }

    @Test
    void purgeDeletesWhatIsOlderThanItsRetentionAndKeepsTheRest() throws Exception {
        // given: an inbox entry recorded now, dead letters parked two days and one hour ago, a status three hours old
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID message = UUID.randomUUID();
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        tm.begin();
        server.get(Inbox.class).record("retention", message);
        server.get(DeadLetterStore.class).park(letter("two-days", now.minus(Duration.ofDays(2))));
        server.get(DeadLetterStore.class).park(letter("one-hour", now.minus(Duration.ofHours(1))));
        UUID command = UUID.randomUUID();
        server.get(CommandStatusStore.class).record(new CommandStatus(command, CommandStatus.State.APPLIED, "bank.Deposit", "a-1",
                3, null, now.minus(Duration.ofHours(3))));
        tm.commit();

        // when: purged now, then two hours later
        Retention.Purged rightAway = purgeAt(now.plusSeconds(1));
        Retention.Purged later = purgeAt(now.plus(Duration.ofHours(2)));

        // then
        assertThat(rightAway).isEqualTo(new Retention.Purged(0, 1, 1));
        assertThat(later).isEqualTo(new Retention.Purged(1, 0, 0));
        assertThat(server.get(CommandStatuses.class).find(command)).isEmpty();
        assertThat(server.get(DeadLetters.class).find("two-days")).isEmpty();
        assertThat(server.get(DeadLetters.class).find("one-hour")).isPresent();
        assertThat(server.get(DeadLetters.class).delete("one-hour")).isTrue();
        assertThat(server.get(DeadLetters.class).find("one-hour")).isEmpty();
        assertThat(server.get(Retention.class).purge()).as("the bean, on the system clock").isEqualTo(new Retention.Purged(0, 0, 0));
    }

    private Retention.Purged purgeAt(Instant when) throws Exception {
        Retention retention = new Retention(Clock.fixed(when, ZoneOffset.UTC));
        retention.resources = server.get(JmsResources.class);
        retention.inbox = server.get(Inbox.class);
        retention.statuses = server.get(CommandStatusStore.class);
        retention.deadLetters = server.get(DeadLetterStore.class);
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        tm.begin();
        try {
            return retention.purge();
        } finally {
            tm.commit();
        }
    }

    private static DeadLetter letter(String id, Instant parkedOn) {
        return new DeadLetter(id, UUID.randomUUID().toString(), COMMANDS, null, null, "{}", Map.of(), "error", 3, parkedOn, null);
    }
}
