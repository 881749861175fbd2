package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.CommandStatus;
import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterFilter;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory inbox and dead-letter store: duplicates recognised, failed units forgotten. */
class InMemoryTransportStoresTest {

    private final UnitOfWork transaction = new UnitOfWork();

    @Test
    void inboxRecognisesDuplicatesPerConsumer() {
        InMemoryInbox inbox = new InMemoryInbox();
        inbox.transaction = transaction;
        UUID id = UUID.randomUUID();

        assertThat(inbox.record("app-a", id)).isTrue();
        assertThat(inbox.record("app-a", id)).isFalse();
        assertThat(inbox.record("app-b", id)).isTrue();
    }

    @Test
    void inboxForgetsWhatAFailedUnitRecorded() {
        InMemoryInbox inbox = new InMemoryInbox();
        inbox.transaction = transaction;
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> transaction.run(() -> {
            assertThat(inbox.record("app", id)).isTrue();
            throw new IllegalStateException("the unit fails");
        })).hasMessage("the unit fails");

        assertThat(inbox.record("app", id)).isTrue();
    }

    @Test
    void aCommandStatusIsReplacedAndAFailedUnitPutsThePreviousOneBack() {
        InMemoryCommandStatusStore statuses = new InMemoryCommandStatusStore();
        statuses.transaction = transaction;
        UUID id = UUID.randomUUID();
        CommandStatus accepted = new CommandStatus(id, CommandStatus.State.ACCEPTED, "bank.Deposit", "a-1", 0, null,
                Instant.parse("2026-01-01T00:00:00Z"));
        statuses.record(accepted);

        assertThatThrownBy(() -> transaction.run(() -> {
            statuses.record(new CommandStatus(id, CommandStatus.State.APPLIED, "bank.Deposit", "a-1", 4, null, Instant.now()));
            throw new IllegalStateException("the unit fails");
        })).hasMessage("the unit fails");

        assertThat(statuses.find(id)).contains(accepted);
        assertThat(statuses.purge(Instant.parse("2026-01-02T00:00:00Z"))).isEqualTo(1);
        assertThat(statuses.find(id)).isEmpty();
    }

    @Test
    void deadLettersAreListedOldestFirstAndCanBeMarkedRedriven() {
        InMemoryDeadLetterStore store = new InMemoryDeadLetterStore();
        store.transaction = transaction;
        store.park(letter("b", Instant.parse("2026-01-02T00:00:00Z")));
        store.park(letter("a", Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(store.list(false, 10)).extracting(DeadLetter::id).containsExactly("a", "b");
        assertThat(store.markRedriven("a", Instant.parse("2026-01-03T00:00:00Z"))).get()
                .extracting(DeadLetter::redrivenOn).isEqualTo(Instant.parse("2026-01-03T00:00:00Z"));
        assertThat(store.list(false, 10)).extracting(DeadLetter::id).containsExactly("b");
        assertThat(store.list(true, 10)).hasSize(2);
        assertThat(store.markRedriven("nope", Instant.now())).isEmpty();
        assertThat(store.list(new DeadLetterFilter("bank.DepositMoney", "a-1", Instant.parse("2026-01-02T00:00:00Z"), null,
                true), 0, 10)).extracting(DeadLetter::id).containsExactly("b");
        assertThat(store.list(DeadLetterFilter.all(true), 1, 10)).extracting(DeadLetter::id).containsExactly("b");
    }

    @Test
    void parkingInAFailedUnitIsUndone() {
        InMemoryDeadLetterStore store = new InMemoryDeadLetterStore();
        store.transaction = transaction;

        assertThatThrownBy(() -> transaction.run(() -> {
            store.park(letter("x", Instant.now()));
            throw new IllegalStateException("the unit fails");
        })).hasMessage("the unit fails");

        assertThat(store.find("x")).isEmpty();
    }

    @Test
    void oldEntriesArePurgedAndAPurgeInAFailedUnitIsUndone() {
        InMemoryInbox inbox = new InMemoryInbox();
        inbox.transaction = transaction;
        InMemoryDeadLetterStore store = new InMemoryDeadLetterStore();
        store.transaction = transaction;
        UUID id = UUID.randomUUID();
        inbox.record("app", id);
        store.park(letter("old", Instant.parse("2026-01-01T00:00:00Z")));
        store.park(letter("new", Instant.parse("2026-02-01T00:00:00Z")));

        assertThatThrownBy(() -> transaction.run(() -> {
            assertThat(inbox.purge(Instant.now().plusSeconds(1))).isEqualTo(1);
            assertThat(store.purge(Instant.parse("2026-01-15T00:00:00Z"))).isEqualTo(1);
            throw new IllegalStateException("the unit fails");
        })).hasMessage("the unit fails");
        assertThat(inbox.record("app", id)).as("still recorded").isFalse();
        assertThat(store.find("old")).isPresent();

        assertThat(inbox.purge(Instant.now().minusSeconds(60))).isZero();
        assertThat(inbox.purge(Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(inbox.record("app", id)).as("forgotten").isTrue();
        assertThat(store.purge(Instant.parse("2026-01-15T00:00:00Z"))).isEqualTo(1);
        assertThat(store.delete("new")).isTrue();
        assertThat(store.delete("new")).isFalse();
        assertThat(store.list(true, 10)).isEmpty();
    }

    private static DeadLetter letter(String id, Instant when) {
        return new DeadLetter(id, UUID.randomUUID().toString(), "queue/commands", "bank.DepositMoney", "a-1", "{}",
                Map.of("JMSXDeliveryCount", "5"), "boom", 5, when, null);
    }
}
