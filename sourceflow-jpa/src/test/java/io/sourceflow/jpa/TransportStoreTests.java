package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import io.sourceflow.CommandStatus;
import io.sourceflow.spi.CommandStatusStore;
import io.sourceflow.spi.Outbox;
import io.sourceflow.spi.OutboxMessage;
import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterFilter;
import io.sourceflow.spi.DeadLetterStore;
import io.sourceflow.spi.Inbox;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The transports' stores on JPA: the inbox remembers exactly what committed, and the primary key
 * stops a duplicate that raced past the look-up; dead letters round-trip, list oldest first, and
 * are marked re-driven.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransportStoreTests {

    final TestDatabase db = TestDatabase.create(kind(), "transport_" + kind().name().toLowerCase());
    final Rows rows = new Rows(db);
    final TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(JpaInbox.class, JpaDeadLetterStore.class, JpaCommandStatusStore.class,
            JpaOutbox.class)).build();

    @Inject
    Inbox inbox;
    @Inject
    DeadLetterStore letters;
    @Inject
    CommandStatusStore statuses;
    @Inject
    Outbox outbox;

    abstract TestDatabase.Kind kind();

    @AfterEach
    void endLeftoverTransaction() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
    }

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void theInboxRecognisesAMessageOnlyOnceItsTransactionCommitted() throws Exception {
        // given
        UUID id = UUID.randomUUID();
        tm.begin();
        assertThat(inbox.record("app-a", id)).isTrue();
        tm.rollback();

        // when
        boolean afterRollback = inTransaction(() -> inbox.record("app-a", id));
        boolean again = inTransaction(() -> inbox.record("app-a", id));
        boolean otherConsumer = inTransaction(() -> inbox.record("app-b", id));

        // then
        assertThat(afterRollback).isTrue();
        assertThat(again).isFalse();
        assertThat(otherConsumer).isTrue();
        assertThat(rows.value("SELECT COUNT(*) FROM sourceflow_inbox WHERE message_id = ?", id.toString()))
                .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(2));
    }

    @Test
    void twoDeliveriesRacingPastTheLookUpMeetAtThePrimaryKey() throws Exception {
        // given
        UUID id = UUID.randomUUID();
        tm.begin();
        assertThat(inbox.record("app-a", id)).isTrue();
        Transaction first = tm.suspend();

        // when
        boolean second = inTransaction(() -> inbox.record("app-a", id));
        tm.resume(first);

        // then
        assertThat(second).isTrue();
        assertThatThrownBy(() -> commitQuietly(tm)).isInstanceOf(RollbackException.class);
        assertThat(rows.value("SELECT COUNT(*) FROM sourceflow_inbox WHERE message_id = ?", id.toString()))
                .satisfies(n -> assertThat(((Number) n).intValue()).isEqualTo(1));
    }

    @Test
    void deadLettersRoundTripAndListOldestFirstWithoutTheRedriven() throws Exception {
        // given
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DeadLetter older = letter("older", now.minusSeconds(60), "bank.DepositMoney", "a-1");
        DeadLetter newer = letter("newer", now, null, null);
        inTransaction(() -> {
            letters.park(newer);
            letters.park(older);
            return null;
        });

        // when
        DeadLetter redriven = inTransaction(() -> letters.markRedriven("older", now.plusSeconds(5)).orElseThrow());

        // then
        assertThat(letters.find("newer")).contains(newer);
        assertThat(redriven).isEqualTo(older.redriven(now.plusSeconds(5)));
        assertThat(letters.find("older")).contains(redriven);
        assertThat(inTransaction(() -> letters.list(true, 10))).extracting(DeadLetter::id).containsExactly("older", "newer");
        assertThat(inTransaction(() -> letters.list(false, 10))).extracting(DeadLetter::id).containsExactly("newer");
        assertThat(inTransaction(() -> letters.list(true, 1))).extracting(DeadLetter::id).containsExactly("older");
        assertThat(letters.find("missing")).isEmpty();
        assertThat(inTransaction(() -> letters.markRedriven("missing", now))).isEmpty();
    }

    @Test
    void aCommandStatusIsReplacedAsTheCommandMovesOnAndPurgedByAge() throws Exception {
        // given
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant sent = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        String problem = "Insufficient funds: \u00e9\uD83D\uDE00 " + "x".repeat(1_970);
        inTransaction(() -> {
            statuses.record(new CommandStatus(id, CommandStatus.State.ACCEPTED, "bank.Withdraw", "a-1", 0, null, sent));
            statuses.record(new CommandStatus(other, CommandStatus.State.APPLIED, "bank.Deposit", "a-1", 7, null, sent));
            return null;
        });
        tm.begin();
        statuses.record(new CommandStatus(id, CommandStatus.State.APPLIED, "bank.Withdraw", "a-1", 9, null, Instant.now()));
        tm.rollback();

        // when
        CommandStatus rejected = new CommandStatus(id, CommandStatus.State.REJECTED, "bank.Withdraw", "a-1", 0, problem,
                sent.plusSeconds(30));
        inTransaction(() -> {
            statuses.record(rejected);
            return null;
        });
        int purged = inTransaction(() -> statuses.purge(sent.plusSeconds(1)));

        // then
        assertThat(inTransaction(() -> statuses.find(id))).contains(rejected);
        assertThat(purged).isEqualTo(1);
        assertThat(inTransaction(() -> statuses.find(other))).isEmpty();
        assertThat(inTransaction(() -> statuses.find(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void theOutboxKeepsACausesMessagesInOrderOnlyWhenItsTransactionCommitsUntilEachIsRemoved() throws Exception {
        // given: two messages of one cause committed (the second larger than a VARCHAR), one of another
        // cause rolled back, one of a third cause kept a minute ago
        String cause = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OutboxMessage first = new OutboxMessage(cause, 0, "sourceflow.events", true, "{\"n\":1}",
                Map.of("sourceflow_type", "bank.AccountUpdated", "JMSXGroupID", "a-1"), now);
        OutboxMessage second = new OutboxMessage(cause, 1, "sourceflow.commands", false,
                "{\"text\":\"" + LargePayloadTests.text(40_000) + "\"}", Map.of(), now);
        String old = UUID.randomUUID().toString();
        inTransaction(() -> {
            outbox.keep(second);
            outbox.keep(first);
            outbox.keep(new OutboxMessage(old, 0, "sourceflow.events", true, "{}", Map.of(), now.minusSeconds(60)));
            return null;
        });
        String rolledBack = UUID.randomUUID().toString();
        tm.begin();
        outbox.keep(new OutboxMessage(rolledBack, 0, "sourceflow.events", true, "{}", Map.of(), now));
        tm.rollback();

        // when: the first is removed once sent
        boolean removed = inTransaction(() -> outbox.remove(first));
        boolean removedAgain = inTransaction(() -> outbox.remove(first));

        // then
        assertThat(removed).isTrue();
        assertThat(removedAgain).isFalse();
        assertThat(inTransaction(() -> outbox.kept(cause))).containsExactly(second);
        assertThat(inTransaction(() -> outbox.kept(rolledBack))).isEmpty();
        assertThat(inTransaction(() -> outbox.causes(now.minusSeconds(1), 10))).containsExactly(old);
        assertThat(inTransaction(() -> outbox.causes(now.plusSeconds(1), 10))).containsExactly(old, cause);
        inTransaction(() -> outbox.remove(second) && outbox.remove(outbox.kept(old).get(0)));
    }

    @Test
    void aDeadLetterLargerThanAVarcharRoundTrips() throws Exception {
        // given: body, headers and error each beyond Derby's VARCHAR limit of 32,672 characters
        String large = LargePayloadTests.text(40_000);
        DeadLetter letter = new DeadLetter("large", UUID.randomUUID().toString(), "sourceflow.commands", "bank.DepositMoney",
                "a-1", "{\"reason\":\"" + large + "\"}", Map.of("big", large), "boom: " + large, 5,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null);

        // when
        inTransaction(() -> {
            letters.park(letter);
            return null;
        });

        // then
        assertThat(letters.find("large")).contains(letter);
        assertThat(((String) rows.value("SELECT body FROM sourceflow_dead_letter WHERE id = ?", "large"))).hasSize(
                letter.body().length());
    }

    @Test
    void aDeadLetterParkedInARolledBackTransactionIsNotKept() throws Exception {
        // given
        tm.begin();
        letters.park(letter("rolled-back", Instant.now(), null, null));

        // when
        tm.rollback();

        // then
        assertThat(letters.find("rolled-back")).isEmpty();
    }

    @Test
    void inboxEntriesAndDeadLettersOlderThanACutOffArePurgedAndALetterCanBeDeleted() throws Exception {
        // given
        UUID message = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(3600);
        inTransaction(() -> inbox.record("purge", message));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        inTransaction(() -> {
            letters.park(letter("old", now.minus(40, ChronoUnit.DAYS), null, null));
            letters.park(letter("recent", now.minus(1, ChronoUnit.DAYS), null, null));
            letters.park(letter("unwanted", now, null, null));
            return null;
        });

        // when
        int inboxKeptBefore = inTransaction(() -> inbox.purge(before));
        int inboxPurged = inTransaction(() -> inbox.purge(Instant.now().plusSeconds(1)));
        int lettersPurged = inTransaction(() -> letters.purge(now.minus(30, ChronoUnit.DAYS)));
        boolean deleted = inTransaction(() -> letters.delete("unwanted"));
        boolean deletedAgain = inTransaction(() -> letters.delete("unwanted"));

        // then
        assertThat(inboxKeptBefore).isZero();
        assertThat(inboxPurged).isGreaterThanOrEqualTo(1);
        assertThat(inTransaction(() -> inbox.record("purge", message))).as("forgotten, so new again").isTrue();
        assertThat(lettersPurged).isEqualTo(1);
        assertThat(deleted).isTrue();
        assertThat(deletedAgain).isFalse();
        assertThat(letters.find("old")).isEmpty();
        assertThat(letters.find("recent")).isPresent();
        assertThat(letters.find("unwanted")).isEmpty();
    }

    @Test
    void deadLettersAreFilteredAndPaged() throws Exception {
        // given
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        inTransaction(() -> {
            letters.park(letter("f-1", t, "filter.A", "f-x"));
            letters.park(letter("f-2", t.plusSeconds(60), "filter.A", "f-y"));
            letters.park(letter("f-3", t.plusSeconds(120), "filter.B", "f-x"));
            letters.park(letter("f-4", t.plusSeconds(180), "filter.A", "f-x"));
            return null;
        });
        inTransaction(() -> letters.markRedriven("f-4", t.plusSeconds(240)));

        // when / then
        assertThat(inTransaction(() -> letters.list(new DeadLetterFilter("filter.A", null, null, null, true), 0, 10)))
                .extracting(DeadLetter::id).containsExactly("f-1", "f-2", "f-4");
        assertThat(inTransaction(() -> letters.list(new DeadLetterFilter("filter.A", null, null, null, false), 0, 10)))
                .extracting(DeadLetter::id).containsExactly("f-1", "f-2");
        assertThat(inTransaction(() -> letters.list(new DeadLetterFilter(null, "f-x", t.plusSeconds(60), t.plusSeconds(200),
                true), 0, 10))).extracting(DeadLetter::id).containsExactly("f-3", "f-4");
        assertThat(inTransaction(() -> letters.list(new DeadLetterFilter(null, null, t, t.plusSeconds(300), true), 1, 2)))
                .extracting(DeadLetter::id).containsExactly("f-2", "f-3");
    }

    private static DeadLetter letter(String id, Instant parkedOn, String alias, String entityId) {
        return new DeadLetter(id, UUID.randomUUID().toString(), "sourceflow.commands", alias, entityId,
                "{\"kind\":\"command\",\"broken\":", Map.of("JMSXDeliveryCount", "3", "sourceflow_type", "x \"quoted\""),
                "java.lang.IllegalStateException: boom\n\tat somewhere", 3, parkedOn, null);
    }

    /** Commits a transaction that is expected to fail, without the transaction manager's warning and stack trace. */
    private static void commitQuietly(TransactionManager tm) throws Exception {
        Logger coordinator = Logger.getLogger("com.arjuna.ats.arjuna");
        Level level = coordinator.getLevel();
        coordinator.setLevel(Level.SEVERE);
        try {
            tm.commit();
        } finally {
            coordinator.setLevel(level);
        }
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        tm.begin();
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            tm.rollback();
            throw e;
        }
        tm.commit();
        return result;
    }
}
