package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.cdi.transport.RecordingTransactions;
import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterStore;
import io.sourceflow.spi.Inbox;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * A transport records a received message in the inbox before the bus begins its unit of work: the
 * in-memory inbox and dead-letter store then follow the caller's JTA transaction, so a delivery
 * that rolled back is not skipped as a duplicate when it comes again.
 */
@EnableWeld
class InboxUnderJtaTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(RecordingTransactions.class);

    @Inject
    Inbox inbox;
    @Inject
    DeadLetterStore deadLetters;
    @Inject
    RecordingTransactions transactions;

    @Test
    void aRecordInARolledBackTransactionIsForgotten() {
        // given
        UUID id = UUID.randomUUID();
        transactions.begin();
        assertThat(inbox.record("app", id)).isTrue();
        assertThat(transactions.registered()).isEqualTo(1);

        // when
        transactions.complete(Status.STATUS_ROLLEDBACK);

        // then: the redelivery is processed, not skipped
        assertThat(inbox.record("app", id)).isTrue();
    }

    @Test
    void aRecordInACommittedTransactionMakesTheRedeliveryADuplicate() {
        // given
        UUID id = UUID.randomUUID();
        transactions.begin();
        assertThat(inbox.record("app", id)).isTrue();

        // when
        transactions.complete(Status.STATUS_COMMITTED);

        // then
        assertThat(inbox.record("app", id)).isFalse();
    }

    @Test
    void parkingInARolledBackTransactionIsUndone() {
        // given
        transactions.begin();
        deadLetters.park(new DeadLetter("x", UUID.randomUUID().toString(), "queue/commands", "bank.DepositMoney",
                "a-1", "{}", Map.of(), "boom", 5, Instant.now(), null));
        assertThat(deadLetters.find("x")).isPresent();

        // when
        transactions.complete(Status.STATUS_ROLLEDBACK);

        // then
        assertThat(deadLetters.find("x")).isEmpty();
    }
}
