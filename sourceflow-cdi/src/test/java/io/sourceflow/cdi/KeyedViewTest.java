package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sourceflow.EntityRef;
import io.sourceflow.cdi.keyed.Branches;
import io.sourceflow.cdi.keyed.Branches.Balance;
import io.sourceflow.cdi.keyed.Branches.Deposit;
import io.sourceflow.cdi.keyed.Branches.Total;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A view that keeps its models under a key the events carry: many entities feed one model, nothing counts twice. */
class KeyedViewTest {

    private final Branches.Accounts accounts = new Branches.Accounts();
    private StandaloneRuntime runtime;

    @BeforeEach
    void threeAccountsInTwoBranches() {
        runtime = StandaloneRuntime.builder()
                .handlers(new Branches.AccountSaga(), new Branches.BranchTotals(), new Branches.AccountBalances(), accounts)
                .build();
        accounts.open("a-1", "north");
        accounts.open("a-2", "north");
        accounts.open("a-3", "south");
        accounts.deposit("a-1", 10);
        accounts.deposit("a-2", 5);
        accounts.deposit("a-1", 20);
        accounts.deposit("a-3", 7);
    }

    @Test
    void eachModelIsKeptUnderTheKeyItsEventsCarry() {
        assertThat(total("north")).contains(new Total(35, 3));
        assertThat(total("south")).contains(new Total(7, 1));
        assertThat(runtime.views().find(Balance.class, "a-1")).contains(new Balance(30, 2));
        assertThat(total("a-1")).as("nothing under the entity's id").isEmpty();
    }

    @Test
    void replayingAnEntityAppliesNoneOfItsEventsTwiceToAModelKeptUnderAnotherKey() {
        assertThat(accounts.rebuild("a-1")).isEqualTo(3);

        assertThat(total("north")).as("not cleared, not counted again").contains(new Total(35, 3));
        assertThat(runtime.views().find(Balance.class, "a-1")).as("kept under the entity: rebuilt")
                .contains(new Balance(30, 2));

        accounts.deposit("a-1", 1);
        assertThat(total("north")).as("later commands count once").contains(new Total(36, 4));
    }

    @Test
    void anEventWithoutItsKeyFailsNamingTheViewTheKeyAndTheEntity() {
        accounts.open("a-4", null);

        assertThatThrownBy(() -> runtime.bus().publish(new Deposit(EntityRef.of("a-4"), 3)))
                .hasMessageContaining(Branches.BranchTotals.class.getName() + ".on: the key 'branch' of Deposited (entity 'a-4' #2)")
                .hasMessageContaining("is null");
        assertThat(runtime.views().find(Balance.class, "a-4")).as("nothing of the failed command kept").isEmpty();
    }

    @Test
    void aKeyTheEventDoesNotHaveStopsTheDeployment() {
        Throwable failure = catchThrowable(() -> SourceFlowWeld.weld(Branches.AccountSaga.class, Branches.ByRegion.class)
                .initialize().shutdown());

        assertThat(ExtensionValidationTest.fullMessage(failure)).contains(Branches.ByRegion.class.getName()
                + ".on: keys its view model by 'region', but " + Branches.Deposited.class.getName()
                + " has no public method region() returning a value");
    }

    private Optional<Total> total(String branch) {
        return runtime.views().find(Total.class, branch);
    }
}
