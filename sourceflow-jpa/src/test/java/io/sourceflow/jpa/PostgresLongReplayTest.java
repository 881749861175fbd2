package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Replay of one entity with 100,000 logged commands keeps memory flat. Two commands go through the
 * bus; the other 99,998 are copies of the second (each with its own message id and sequence
 * number) written with JDBC batches, then the whole log is replayed through the framework.
 *
 * <p>How "flat" is measured, without timing or heap-size thresholds: {@link ReplayProbe} sits in
 * the replay's pipeline and keeps a weak reference to every replayed command. Every 10,000
 * commands it runs full collections and counts the commands that are still reachable. A replay
 * that held what it had read (a list of envelopes, managed log rows in the persistence context,
 * a growing unit of work) would keep all 10,000, 20,000, ... of them; a streaming replay keeps at
 * most the command in hand and those of the page being read. The assertion is that count, at
 * every checkpoint, at most one page ({@value CommandPages#PAGE_SIZE} rows): a count of objects,
 * which a loaded machine does not change. The used heap after each collection is recorded in the
 * checkpoints for information only.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLongReplayTest {

    static final int COMMANDS = 100_000;

    final TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, "long_replay");
    final Rows rows = new Rows(db);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(AccountSaga.class, AccountView.class, AccountSummaryView.class,
            AccountAggregate.class, ReplayProbe.class)).build();

    @Inject
    AccountAggregate accounts;
    @Inject
    ReplayProbe probe;

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void replayOfAHundredThousandCommandsHoldsAtMostOnePageAtOnce() throws SQLException {
        // given
        accounts.open("long-1", "Jane", new BigDecimal("10"));
        accounts.deposit("long-1", BigDecimal.ONE);
        copySecondCommandUpTo("long-1", COMMANDS);
        probe.reset(CommandPages.PAGE_SIZE);

        // when
        long replayed = accounts.rebuild("long-1");

        // then
        assertThat(replayed).isEqualTo(COMMANDS);
        assertThat(probe.replayedCount()).isEqualTo(COMMANDS);
        List<ReplayProbe.Checkpoint> checkpoints = probe.checkpoints();
        assertThat(checkpoints).hasSize(COMMANDS / ReplayProbe.CHECKPOINT);
        assertThat(checkpoints).as("commands still reachable during the replay: %s", checkpoints)
                .allSatisfy(c -> assertThat(c.reachable()).isLessThanOrEqualTo(CommandPages.PAGE_SIZE));
        BigDecimal balance = new BigDecimal(10 + COMMANDS - 1);
        assertThat(BankScenarioTests.json(document(BankAccount.class)).getJsonNumber("balance").bigDecimalValue())
                .isEqualByComparingTo(balance);
        assertThat(BankScenarioTests.json(document(AccountViewModel.class)).getInt("transactionCount"))
                .isEqualTo(COMMANDS - 1);
        assertThat((BigDecimal) rows.value("SELECT balance FROM bank_account_summary WHERE id = ?", "long-1"))
                .isEqualByComparingTo(balance);
        assertThat(((Number) rows.value("SELECT COUNT(*) FROM sourceflow_command WHERE entity_id = ?", "long-1"))
                .longValue()).isEqualTo(COMMANDS);
    }

    private Object document(Class<?> type) {
        return rows.value("SELECT body FROM sourceflow_document WHERE type_name = ? AND id = ?", type.getName(), "long-1");
    }

    /** Writes commands 3..last as copies of command 2, each with a new message id and its own number. */
    private void copySecondCommandUpTo(String entityId, int last) throws SQLException {
        List<Object> second = rows.query("SELECT type_alias, payload, metadata, occurred_on FROM sourceflow_command"
                + " WHERE entity_id = ? AND sequence_no = 2", entityId).get(0);
        String metadata = (String) second.get(2);
        String messageId = BankScenarioTests.json(metadata).getString("messageId");
        try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO sourceflow_command"
                + " (entity_type, entity_id, sequence_no, type_alias, type_revision, payload, metadata, is_new, occurred_on)"
                + " VALUES ('BankAccount', ?, ?, ?, 1, ?, ?, ?, ?)")) {
            for (int n = 3; n <= last; n++) {
                insert.setString(1, entityId);
                insert.setLong(2, n);
                insert.setString(3, (String) second.get(0));
                insert.setString(4, (String) second.get(1));
                insert.setString(5, metadata.replace(messageId, UUID.randomUUID().toString())
                        .replace("\"sequenceNo\":2", "\"sequenceNo\":" + n));
                insert.setBoolean(6, false);
                insert.setObject(7, second.get(3));
                insert.addBatch();
                if (n % 5_000 == 0 || n == last) {
                    insert.executeBatch();
                }
            }
        }
    }
}
