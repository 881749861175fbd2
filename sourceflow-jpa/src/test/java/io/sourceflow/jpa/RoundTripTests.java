package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.support.Provider;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.logging.Logger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How many statements one command costs: the entity's lock and last number (on PostgreSQL the claim,
 * one statement with the log insert), the read of its entity
 * (a transaction's first read of an entity is the database's: EclipseLink refreshes what it had
 * cached, Hibernate without a second-level cache reads it), the read of its view model (from
 * EclipseLink's shared cache; Hibernate reads it), the log insert, the entity update and the view
 * update. The commit is one more round trip, not counted here.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoundTripTests {

    private static final Logger LOG = Logger.getLogger(RoundTripTests.class.getName());
    /** Reads per deposit: the saga entity's, and the view model's where no shared cache serves it. */
    static final int READS = Provider.current() == Provider.ECLIPSELINK ? 1 : 2;

    /**
     * The statements that lock an entity and log its command, the first of the entity in a transaction.
     *
     * @param kind the database
     * @return 1 on PostgreSQL (the claim: lock and insert in one); 3 elsewhere (the lock, the last number, the insert)
     */
    static int logStatements(TestDatabase.Kind kind) {
        return kind == TestDatabase.Kind.POSTGRESQL ? 1 : 3;
    }

    final TestDatabase db = TestDatabase.create(kind(), "round_trips_" + kind().name().toLowerCase()
            + (transactions() == TestDatabase.Transactions.XA ? "" : "_local"), transactions());

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(AccountSaga.class, AccountSummaryView.class, AccountAggregate.class)).build();

    @Inject
    AccountAggregate accounts;

    abstract TestDatabase.Kind kind();

    /** How the data source enlists connections; XA unless a subclass says otherwise. */
    TestDatabase.Transactions transactions() {
        return TestDatabase.Transactions.XA;
    }

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void aDepositMakesItsLockLogEntityAndViewStatementsAndNoOther() {
        // given
        accounts.open("t-1", "Tom", BigDecimal.ONE);
        accounts.deposit("t-1", BigDecimal.ONE);
        long before = db.dataSource().executions();

        // when
        accounts.deposit("t-1", BigDecimal.TEN);

        // then
        long statements = db.dataSource().executions() - before;
        LOG.info(() -> kind() + ": " + statements + " statements per deposit");
        assertThat(statements).as("the entity's lock and last number and its log row, then its entity and view model")
                .isEqualTo(logStatements(kind()) + 2 + READS);
    }

    @Test
    void logRowsStayOutOfTheSharedCache() {
        // when
        accounts.open("c-1", "Cat", BigDecimal.ONE);

        // then
        assertThat(db.entityManagerFactory().getCache().contains(CommandRow.class, new CommandRow.Key("BankAccount", "c-1", 1))).isFalse();
    }
}
