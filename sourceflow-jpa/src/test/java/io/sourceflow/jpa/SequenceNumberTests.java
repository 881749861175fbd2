package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.BusinessRuleException;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The command store locks an entity and reads its last sequence number from the database once per
 * transaction, then follows its own claims ({@link SequenceNumbers}); the log must stay numbered
 * 1..n without a gap whatever happens: rollbacks, several commands in one transaction, and other
 * writers (a second application on the same database, or rows written by someone else).
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SequenceNumberTests {

    final TestDatabase db = TestDatabase.create(kind(), "sequence_numbers_" + kind().name().toLowerCase());
    final Rows rows = new Rows(db);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(AccountSaga.class, AccountSummaryView.class, AccountAggregate.class,
            ConflictCounter.class)).build();

    @Inject
    AccountAggregate accounts;
    @Inject
    ConflictCounter conflicts;
    @Inject
    JpaCommandStore store;

    abstract TestDatabase.Kind kind();

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void eachTransactionLocksTheEntityAndReadsItsNumberOnce() throws Exception {
        // given
        accounts.open("c-1", "Cy", BigDecimal.ONE);
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        long before = db.dataSource().executions();

        // when: one deposit in a transaction of its own, then two in one transaction
        accounts.deposit("c-1", BigDecimal.ONE);
        long alone = db.dataSource().executions() - before;
        tm.begin();
        try {
            accounts.deposit("c-1", BigDecimal.ONE);
            accounts.deposit("c-1", BigDecimal.ONE);
        } catch (RuntimeException e) {
            tm.rollback();
            throw e;
        }
        tm.commit();
        long together = db.dataSource().executions() - before - alone;

        // then
        assertThat(alone).as("the lock, the last number and the log row, the entity and the view (and the reads a provider"
                + " without shared cache adds)").isEqualTo(RoundTripTests.logStatements(kind()) + 2 + RoundTripTests.READS);
        assertThat(together).as("then the second command follows the first's claim: no lock, no query, no read, its three writes")
                .isEqualTo(alone + 3);
        assertThat(sequenceNumbers("c-1")).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aPageOfTheLogStartsAfterTheGivenNumber() throws Exception {
        // given
        accounts.open("p-1", "Pia", BigDecimal.ONE);
        for (int i = 0; i < 4; i++) {
            accounts.deposit("p-1", BigDecimal.ONE);
        }
        jakarta.transaction.TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();

        // when
        tm.begin();
        List<Long> page;
        List<Long> pastTheEnd;
        try (java.util.stream.Stream<io.sourceflow.Envelope<io.sourceflow.Command>> after2 = store.load("BankAccount", "p-1", 2);
                java.util.stream.Stream<io.sourceflow.Envelope<io.sourceflow.Command>> after5 = store.load("BankAccount", "p-1", 5)) {
            page = after2.limit(2).map(command -> command.metadata().sequenceNo()).toList();
            pastTheEnd = after5.map(command -> command.metadata().sequenceNo()).toList();
        } finally {
            tm.rollback();
        }

        // then
        assertThat(page).containsExactly(3L, 4L);
        assertThat(pastTheEnd).isEmpty();
    }

    @Test
    void aRolledBackCommandLeavesNoGap() {
        // given
        accounts.open("r-1", "Ria", BigDecimal.TEN);

        // when
        assertThatThrownBy(() -> accounts.withdraw("r-1", new BigDecimal("11"))).isInstanceOf(BusinessRuleException.class);
        accounts.deposit("r-1", BigDecimal.ONE);

        // then
        assertThat(sequenceNumbers("r-1")).containsExactly(1L, 2L);
    }

    @Test
    void commandsOfOneEntityInOneTransactionFollowEachOther() throws Exception {
        // given
        accounts.open("t-1", "Tia", BigDecimal.ZERO);
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();

        // when
        tm.begin();
        try {
            accounts.deposit("t-1", BigDecimal.ONE);
            accounts.deposit("t-1", BigDecimal.ONE);
            accounts.deposit("t-1", BigDecimal.ONE);
        } catch (RuntimeException e) {
            tm.rollback();
            throw e;
        }
        tm.commit();

        // then
        assertThat(sequenceNumbers("t-1")).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aRowWrittenBehindTheStoresBackIsFollowed() {
        // given: the store wrote 1 and 2; another writer appends 3
        accounts.open("w-1", "Wes", BigDecimal.ZERO);
        accounts.deposit("w-1", BigDecimal.ONE);
        rows.update("INSERT INTO sourceflow_command (entity_type, entity_id, sequence_no, type_alias, type_revision, payload,"
                + " metadata, is_new, occurred_on) VALUES ('BankAccount', 'w-1', 3, 'bank.DepositMoney', 1, '{}', '{}', false,"
                + " CURRENT_TIMESTAMP)");
        int conflictsBefore = conflicts.conflicts();

        // when
        accounts.deposit("w-1", BigDecimal.ONE);

        // then: the number is read after the lock, so there is nothing to retry
        assertThat(conflicts.conflicts() - conflictsBefore).isZero();
        assertThat(sequenceNumbers("w-1")).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void twoApplicationsWritingTheSameEntityKeepOneGaplessLog() {
        // given: a second container with its own stores on the same database
        try (WeldContainer other = db.weld(AccountSaga.class, AccountSummaryView.class, AccountAggregate.class)
                .containerId("sequence-numbers-other-" + kind()).initialize()) {
            AccountAggregate elsewhere = other.select(AccountAggregate.class).get();
            accounts.open("m-1", "Mo", BigDecimal.ZERO);
            int conflictsBefore = conflicts.conflicts();

            // when: each deposits in turn
            for (int i = 0; i < 5; i++) {
                elsewhere.deposit("m-1", BigDecimal.ONE);
                accounts.deposit("m-1", BigDecimal.ONE);
            }
            assertThat(conflicts.conflicts() - conflictsBefore).as("nothing remembered between transactions, nothing stale")
                    .isZero();
        }

        // then
        assertThat(sequenceNumbers("m-1")).containsExactlyElementsOf(LongStream.rangeClosed(1, 11).boxed().toList());
        assertThat(rows.value("SELECT balance FROM bank_account_summary WHERE id = 'm-1'"))
                .satisfies(balance -> assertThat(((BigDecimal) balance).longValueExact()).isEqualTo(10));
    }

    List<Long> sequenceNumbers(String entityId) {
        return rows.query("SELECT sequence_no FROM sourceflow_command WHERE entity_id = ? ORDER BY sequence_no", entityId)
                .stream().map(r -> ((Number) r.get(0)).longValue()).toList();
    }
}
