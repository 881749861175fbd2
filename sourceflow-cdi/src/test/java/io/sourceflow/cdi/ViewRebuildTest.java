package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.EntityRef;
import io.sourceflow.ViewRebuilds;
import io.sourceflow.cdi.keyed.Branches;
import io.sourceflow.cdi.keyed.Branches.Account;
import io.sourceflow.cdi.keyed.Branches.Balance;
import io.sourceflow.cdi.keyed.Branches.Total;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rebuilding chosen views alone: entities recomputed in memory, other views untouched, live commands counted once. */
class ViewRebuildTest {

    private static final Set<Class<?>> TOTALS = Set.of(Branches.BranchTotals.class);
    private static final Set<Class<?>> ACCOUNTS = Set.of(Account.class);
    private static final String OWNER = "test";

    private final Branches.Accounts accounts = new Branches.Accounts();
    private StandaloneRuntime runtime;
    private ViewRebuilds rebuilds;

    @BeforeEach
    void threeAccountsInTwoBranches() {
        runtime = StandaloneRuntime.builder()
                .handlers(new Branches.AccountSaga(), new Branches.BranchTotals(), new Branches.AccountBalances(), accounts)
                .build();
        rebuilds = runtime.rebuilds();
        accounts.open("a-1", "north");
        accounts.open("a-2", "north");
        accounts.open("a-3", "south");
        accounts.deposit("a-1", 10);
        accounts.deposit("a-2", 5);
        accounts.deposit("a-1", 20);
        accounts.deposit("a-3", 7);
    }

    @Test
    void rebuildsTheNamedViewFromEntitiesRecomputedInMemoryAndTouchesNothingElse() {
        runtime.views().persist(Total.class, "north", new Total(1, 1));
        runtime.views().persist(Total.class, "west", new Total(99, 9));
        runtime.views().persist(Balance.class, "a-1", new Balance(-1, -1));
        Account tampered = new Account();
        tampered.branch = "tampered";
        tampered.balance = 999;
        runtime.entities().persist(Account.class, "a-1", tampered);

        rebuilds.start(OWNER, TOTALS, ACCOUNTS);
        assertThat(total("north")).as("cleared at the start").isEmpty();
        assertThat(total("west")).as("a model no entity makes again is gone too").isEmpty();
        for (String id : List.of("a-1", "a-2", "a-3")) {
            assertThat(rebuilds.replay(Account.class, EntityRef.of(id), TOTALS)).isPositive();
        }
        rebuilds.finish(OWNER, TOTALS);

        assertThat(total("north")).contains(new Total(35, 3));
        assertThat(total("south")).contains(new Total(7, 1));
        assertThat(runtime.views().find(Balance.class, "a-1")).as("another view: untouched").contains(new Balance(-1, -1));
        assertThat(runtime.entities().find(Account.class, "a-1")).as("the entity: not written")
                .hasValueSatisfying(account -> assertThat(account.balance).isEqualTo(999));
    }

    @Test
    void aLiveCommandOfAnEntityNotYetReplayedIsLeftToTheReplayAndCountedOnce() {
        rebuilds.start(OWNER, TOTALS, ACCOUNTS);
        accounts.deposit("a-1", 100);
        assertThat(total("north")).as("left to the replay of a-1").isEmpty();

        rebuilds.replay(Account.class, EntityRef.of("a-2"), TOTALS);
        accounts.deposit("a-2", 1000);
        assertThat(total("north")).as("a-2 replayed: its new deposit counts at once").contains(new Total(1005, 2));

        rebuilds.replay(Account.class, EntityRef.of("a-1"), TOTALS);
        rebuilds.replay(Account.class, EntityRef.of("a-2"), TOTALS);
        rebuilds.replay(Account.class, EntityRef.of("a-3"), TOTALS);
        rebuilds.finish(OWNER, TOTALS);
        accounts.deposit("a-1", 1);

        assertThat(total("north")).as("every deposit once").contains(new Total(1136, 6));
        assertThat(total("south")).contains(new Total(7, 1));
        assertThat(runtime.views().find(Balance.class, "a-1")).as("the other view took the live deposits")
                .contains(new Balance(131, 4));
    }

    @Test
    void anEntityYoungerThanTheRebuildIsProjectedLiveFromItsFirstCommand() {
        rebuilds.start(OWNER, TOTALS, ACCOUNTS);
        accounts.open("a-4", "east");
        accounts.deposit("a-4", 3);
        accounts.deposit("a-4", 4);

        assertThat(total("east")).as("its first command raised nothing; the deposits count at once").contains(new Total(7, 2));
        rebuilds.replay(Account.class, EntityRef.of("a-4"), TOTALS);
        assertThat(total("east")).as("replaying it too counts nothing twice").contains(new Total(7, 2));
    }

    @Test
    void anEntityWhoseHistoryRaisedNothingForTheViewTakesItsLiveEventsOnceReplayed() {
        accounts.open("a-5", "west");
        rebuilds.start(OWNER, TOTALS, ACCOUNTS);
        accounts.deposit("a-5", 2);
        assertThat(total("west")).as("older than the rebuild: left to it").isEmpty();

        rebuilds.replay(Account.class, EntityRef.of("a-5"), TOTALS);
        accounts.deposit("a-5", 3);

        assertThat(total("west")).contains(new Total(5, 2));
    }

    @Test
    void anEntityReplayedBeforeItsFirstEventForTheViewTakesItLive() {
        accounts.open("a-6", "west");
        rebuilds.start(OWNER, TOTALS, ACCOUNTS);
        rebuilds.replay(Account.class, EntityRef.of("a-6"), TOTALS);

        accounts.deposit("a-6", 4);

        assertThat(total("west")).as("the replay passed its commands, though none reached the view").contains(new Total(4, 1));
    }

    @Test
    void replayingAgainAfterAnInterruptionCountsNothingTwice() {
        rebuilds.start(OWNER, TOTALS, ACCOUNTS);
        rebuilds.replay(Account.class, EntityRef.of("a-1"), TOTALS);
        rebuilds.replay(Account.class, EntityRef.of("a-1"), TOTALS);
        rebuilds.replay(Account.class, EntityRef.of("a-2"), TOTALS);

        assertThat(total("north")).contains(new Total(35, 3));
    }

    @Test
    void aSecondRebuildStartsFromNothingAgain() {
        for (int round = 0; round < 2; round++) {
            rebuilds.start(OWNER, TOTALS, ACCOUNTS);
            for (String id : List.of("a-1", "a-2", "a-3")) {
                rebuilds.replay(Account.class, EntityRef.of(id), TOTALS);
            }
            rebuilds.finish(OWNER, TOTALS);
        }

        assertThat(total("north")).contains(new Total(35, 3));
        accounts.deposit("a-3", 1);
        assertThat(total("south")).contains(new Total(8, 2));
    }

    @Test
    void refusesWhatIsNoViewOrNoEntityTypeHere() {
        assertThatThrownBy(() -> rebuilds.start(OWNER, Set.of(String.class), ACCOUNTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a view with a @Projects method here: java.lang.String");
        assertThatThrownBy(() -> rebuilds.start(OWNER, TOTALS, Set.of(Total.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Total.class.getName() + " is not the entity type of a saga here");
        assertThatThrownBy(() -> rebuilds.start(OWNER, TOTALS, Set.of()))
                .hasMessageContaining("Name the entity types whose events [" + Branches.BranchTotals.class.getName() + "] take");
        assertThat(total("north")).as("nothing cleared").contains(new Total(35, 3));
    }

    @Test
    void oneRebuildOfAViewRunsAtATime() {
        rebuilds.start(OWNER, TOTALS, ACCOUNTS);

        assertThatThrownBy(() -> rebuilds.start("another job", TOTALS, ACCOUNTS)).isInstanceOf(IllegalStateException.class)
                .hasMessage("A rebuild of " + Branches.BranchTotals.class.getName() + " runs already, by test; let it finish,"
                        + " or end it with ViewRebuilds.finish(\"test\", ...) first");
        assertThatThrownBy(() -> rebuilds.finish("another job", TOTALS)).isInstanceOf(IllegalStateException.class);
        rebuilds.start(OWNER, TOTALS, ACCOUNTS);
        for (String id : List.of("a-1", "a-2", "a-3")) {
            rebuilds.replay(Account.class, EntityRef.of(id), TOTALS);
        }
        rebuilds.finish(OWNER, TOTALS);
        rebuilds.start("another job", TOTALS, ACCOUNTS);

        assertThat(total("north")).as("the second owner's rebuild started from nothing").isEmpty();
    }

    @Test
    void refusesToClearAModelClassAnotherViewKeepsToo() {
        StandaloneRuntime shared = StandaloneRuntime.builder()
                .handlers(new Branches.AccountSaga(), new Branches.BranchTotals(), new Branches.ByRegionTotals()).build();

        assertThatThrownBy(() -> shared.rebuilds().start(OWNER, TOTALS, ACCOUNTS))
                .hasMessage(Branches.ByRegionTotals.class.getName() + " keeps its models in " + Total.class.getName()
                        + " too, which a rebuild of [" + Branches.BranchTotals.class.getName() + "] deletes; rebuild them together");
    }

    private Optional<Total> total(String branch) {
        return runtime.views().find(Total.class, branch);
    }
}
