package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.spi.DeadLetter;
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

    private static DeadLetter letter(String id, Instant when) {
        return new DeadLetter(id, UUID.randomUUID().toString(), "queue/commands", "bank.DepositMoney", "a-1", "{}",
                Map.of("JMSXDeliveryCount", "5"), "boom", 5, when, null);
    }
}
