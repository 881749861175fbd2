package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.MessageFormatException;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Replay refuses rows it cannot read, naming entity and sequence number, and changes nothing. */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadStoredDataTests {

    final TestDatabase db = TestDatabase.create(kind(), "bad_data_" + kind().name().toLowerCase());
    final Rows rows = new Rows(db);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(AccountSaga.class, AccountView.class, AccountSummaryView.class,
            AccountAggregate.class)).build();

    @Inject
    AccountAggregate accounts;

    abstract TestDatabase.Kind kind();

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void unknownTypeAliasFailsTheReplay() {
        // given
        openAndDeposit("u-1");
        rows.update("UPDATE sourceflow_command SET type_alias = 'bank.Vanished' WHERE entity_id = 'u-1' AND sequence_no = 2");
        List<List<Object>> before = stored("u-1");

        // when / then
        assertThatThrownBy(() -> accounts.rebuild("u-1"))
                .isInstanceOf(UnknownMessageTypeException.class)
                .hasMessageContaining("#2 of entity 'u-1'")
                .hasMessageContaining("'bank.Vanished'");
        assertThat(stored("u-1")).isEqualTo(before);
    }

    @Test
    void corruptPayloadFailsTheReplay() {
        // given
        openAndDeposit("c-1");
        rows.update("UPDATE sourceflow_command SET payload = '{\"amount\": 12' WHERE entity_id = 'c-1' AND sequence_no = 2");
        List<List<Object>> before = stored("c-1");

        // when / then
        assertThatThrownBy(() -> accounts.rebuild("c-1"))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("#2 of entity 'c-1'")
                .hasMessageContaining("'bank.DepositMoney'");
        assertThat(stored("c-1")).isEqualTo(before);
    }

    @Test
    void payloadOfTheWrongShapeFailsTheReplay() {
        // given
        openAndDeposit("w-1");
        rows.update("UPDATE sourceflow_command SET payload = '{\"amount\": \"lots\"}' WHERE entity_id = 'w-1' AND sequence_no = 2");

        // when / then
        assertThatThrownBy(() -> accounts.rebuild("w-1"))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("#2 of entity 'w-1'");
    }

    private void openAndDeposit(String id) {
        accounts.open(id, "Una", new BigDecimal("10"));
        accounts.deposit(id, new BigDecimal("5"));
        accounts.deposit(id, new BigDecimal("6"));
    }

    /** The log, the documents and the summary row of an account. */
    private List<List<Object>> stored(String id) {
        List<List<Object>> all = new ArrayList<>(rows.query("SELECT * FROM sourceflow_command"
                + " WHERE entity_id = ? ORDER BY sequence_no", id));
        all.addAll(rows.query("SELECT * FROM sourceflow_document WHERE id = ? ORDER BY type_name", id));
        all.addAll(rows.query("SELECT * FROM bank_account_summary WHERE id = ?", id));
        assertThat(all).hasSize(6);
        return all;
    }
}
