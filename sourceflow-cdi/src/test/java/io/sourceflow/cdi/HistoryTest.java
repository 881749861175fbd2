package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.EntityRef;
import io.sourceflow.History;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** {@link History}: an entity's logged commands, a page at a time, through the injected bean. */
@EnableWeld
class HistoryTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(AccountSaga.class, AccountAggregate.class);

    @Inject
    AccountAggregate accounts;
    @Inject
    History history;

    @Test
    void pagesFollowTheSequenceNumbers() {
        accounts.open("a-1", "Jane", BigDecimal.TEN);
        accounts.deposit("a-1", BigDecimal.ONE);
        accounts.deposit("a-1", new BigDecimal("2"));

        List<History.Entry> first = history.page(EntityRef.of("a-1"), 0, 2);
        List<History.Entry> rest = history.page(EntityRef.of("a-1"), first.get(1).metadata().sequenceNo(), 2);

        assertThat(first).extracting(e -> e.metadata().sequenceNo()).containsExactly(1L, 2L);
        assertThat(first.get(1).command()).isEqualTo(new DepositMoney(EntityRef.of("a-1"), BigDecimal.ONE));
        assertThat(first.get(1).alias()).isEqualTo("bank.DepositMoney");
        assertThat(rest).singleElement().satisfies(e -> assertThat(e.metadata().sequenceNo()).isEqualTo(3));
        assertThat(history.page(EntityRef.of("a-1"), 3, 10)).as("past the end").isEmpty();
        assertThat(history.page(EntityRef.of("nobody"), 0, 10)).as("no log").isEmpty();
    }

    @Test
    void aPageOfNothingIsRefusedByName() {
        assertThatThrownBy(() -> history.page(EntityRef.of("a-1"), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a-1'").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> history.page(EntityRef.of("a-1"), -1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIdsOfATypesEntitiesComeAPageAtATimeInOrder() {
        for (String id : List.of("a-3", "a-1", "a-2")) {
            accounts.open(id, "Jane", BigDecimal.TEN);
        }
        accounts.deposit("a-1", BigDecimal.ONE);

        List<String> first = history.entityIds(BankAccount.class, null, 2);

        assertThat(first).containsExactly("a-1", "a-2");
        assertThat(history.entityIds(BankAccount.class, first.get(1), 2)).containsExactly("a-3");
        assertThat(history.entityIds(BankAccount.class, "a-3", 2)).as("past the end").isEmpty();
        assertThatThrownBy(() -> history.entityIds(String.class, null, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not the entity type of a saga here;");
        assertThatThrownBy(() -> history.entityIds(BankAccount.class, null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
