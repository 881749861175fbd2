package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.support.Provider;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The core's bank-account scenario on JPA: the saga entity {@link BankAccount} is a JSON document,
 * the view models are a record ({@link AccountViewModel}, a document) and a JPA entity
 * ({@link io.sourceflow.jpa.bank.AccountSummary}, its own table). Checked row by row with JDBC.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BankScenarioTests {

    final TestDatabase db = TestDatabase.create(kind(), "bank_" + kind().name().toLowerCase());
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
    void seedScenarioWritesTheLogEntityAndViewsAndReplayLeavesThemIdentical() {
        // when
        accounts.open("a-1", "Jane", new BigDecimal("1000"));
        accounts.deposit("a-1", new BigDecimal("500"));
        accounts.withdraw("a-1", new BigDecimal("200"));
        accounts.deposit("a-1", new BigDecimal("100"));

        // then
        List<List<Object>> log = log("a-1");
        assertThat(log).extracting(r -> ((Number) r.get(0)).longValue()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(log).extracting(r -> r.get(1)).containsExactly("bank.CreateAccount", "bank.DepositMoney",
                "bank.WithdrawMoney", "bank.DepositMoney");
        assertThat(log).extracting(r -> r.get(2)).containsExactly(true, false, false, false);
        assertThat(json(log.get(2).get(3)).getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("200");
        assertThat(json(log.get(3).get(4)).getInt("sequenceNo")).isEqualTo(4);
        assertThat(log).allSatisfy(r -> assertThat(r.get(5)).isNotNull());

        JsonObject account = document(BankAccount.class, "a-1");
        assertThat(account.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("1400");
        assertThat(account.getString("accountName")).isEqualTo("Jane");
        JsonObject view = document(AccountViewModel.class, "a-1");
        assertThat(view.getJsonNumber("currentBalance").bigDecimalValue()).isEqualByComparingTo("1400");
        assertThat(view.getInt("transactionCount")).isEqualTo(3);
        List<Object> summary = summary("a-1");
        assertThat(summary.get(0)).isEqualTo("Jane");
        assertThat((BigDecimal) summary.get(1)).isEqualByComparingTo("1400");
        assertThat(((Number) summary.get(2)).intValue()).isEqualTo(3);
        assertThat(summary.get(3)).isEqualTo(false);
        assertThat(((Number) summary.get(4)).longValue()).as("created, then three updates")
                .isEqualTo(Provider.current().initialVersion() + 3);

        // when
        long replayed = accounts.rebuild("a-1");

        // then
        assertThat(replayed).isEqualTo(4);
        assertThat(log("a-1")).isEqualTo(log);
        assertThat(document(BankAccount.class, "a-1")).isEqualTo(account);
        assertThat(document(AccountViewModel.class, "a-1")).isEqualTo(view);
        assertThat(summary("a-1").subList(0, 4)).isEqualTo(summary.subList(0, 4));
    }

    private List<List<Object>> log(String entityId) {
        return rows.query("SELECT sequence_no, type_alias, is_new, payload, metadata, occurred_on"
                + " FROM sourceflow_command WHERE entity_id = ? ORDER BY sequence_no", entityId);
    }

    private JsonObject document(Class<?> type, String id) {
        return json(rows.value("SELECT body FROM sourceflow_document WHERE type_name = ? AND id = ?", type.getName(), id));
    }

    private List<Object> summary(String id) {
        List<List<Object>> found = rows.query("SELECT account_name, balance, transaction_count, closed, version"
                + " FROM bank_account_summary WHERE id = ?", id);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static JsonObject json(Object text) {
        try (var reader = Json.createReader(new StringReader((String) text))) {
            return reader.readObject();
        }
    }
}
