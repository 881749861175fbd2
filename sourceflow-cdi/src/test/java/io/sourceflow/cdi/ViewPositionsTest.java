package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.EventQueue;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.ActivityView;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Events.AccountCreated;
import io.sourceflow.cdi.bank.Events.AccountUpdated;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Views never go back: an event received from another server that a view applied already, or
 * that is older than the last it applied, is not projected again.
 */
@EnableWeld
class ViewPositionsTest {

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(AccountSaga.class, AccountView.class, ActivityView.class, AccountAggregate.class);

    @Inject
    AccountAggregate accounts;
    @Inject
    EventQueue events;
    @Inject
    CommandBus bus;
    @Inject
    ViewModelStore views;

    @BeforeEach
    void openAndDeposit() {
        accounts.open("v-1", "Ada", BigDecimal.ONE);
        accounts.deposit("v-1", BigDecimal.TEN);
    }

    @Test
    void anEventReceivedAgainIsNotProjectedAgain() {
        Envelope<AccountUpdated> third = updated(3, 20);

        events.enqueue(third);
        events.enqueue(third);

        assertThat(view().currentBalance()).isEqualByComparingTo("20");
        assertThat(view().transactionCount()).isEqualTo(2);
        assertThat(activity()).isEqualTo(3);
    }

    @Test
    void anOlderEventDoesNotPutOlderStateBack() {
        events.enqueue(updated(4, 40));

        events.enqueue(updated(3, 30));
        events.enqueue(updated(2, 11));

        assertThat(view().currentBalance()).isEqualByComparingTo("40");
        assertThat(view().transactionCount()).isEqualTo(2);
        assertThat(activity()).isEqualTo(3);
    }

    @Test
    void everyEventOfOneCommandIsProjectedOnce() {
        Envelope<AccountUpdated> first = updated(3, 15);
        Envelope<AccountUpdated> second = updated(3, 16);

        events.enqueue(first);
        events.enqueue(second);
        events.enqueue(first);

        assertThat(view().currentBalance()).isEqualByComparingTo("16");
        assertThat(activity()).isEqualTo(4);
    }

    @Test
    void aLateEventOfAnotherTypeDoesNotPutOlderStateBack() {
        BankAccount.Snapshot opened = new BankAccount.Snapshot("v-1", "Ada", BigDecimal.ONE, false, null, null);
        UUID id = Metadata.newId();
        events.enqueue(updated(3, 20));

        events.enqueue(new Envelope<>(new AccountCreated(opened),
                new Metadata(id, id, null, null, "v-1", 1, Instant.now(), false, Metadata.Origin.REMOTE, Map.of())));

        assertThat(view().currentBalance()).isEqualByComparingTo("20");
        assertThat(activity()).isEqualTo(3);
    }

    @Test
    void aReplayRebuildsTheViewsFromTheLogAndStartsTheirPositionsAgain() {
        events.enqueue(updated(3, 20));

        bus.replay(EntityRef.of("v-1"));
        events.enqueue(updated(3, 25));

        assertThat(view().currentBalance()).isEqualByComparingTo("25");
        assertThat(view().transactionCount()).isEqualTo(2);
        assertThat(activity()).isEqualTo(3);
        ViewPositions positions = views.find(ViewPositions.class, "v-1").orElseThrow();
        assertThat(positions.views()).containsOnlyKeys(AccountView.class.getName(), ActivityView.class.getName())
                .allSatisfy((view, position) -> assertThat(position.sequenceNo()).isEqualTo(3));
    }

    @Test
    void positionsAreKeptPerEntityTypeAndAnUntypedEventIsHeldToTheFurthest() {
        ViewPositions orders = ViewPositions.NONE.take("a.View", "shop.Order", 5, "m1 on(e)").orElseThrow();

        assertThat(orders.take("a.View", "Stock", 2, "m2 on(e)")).as("another type's events: a position of their own")
                .hasValueSatisfying(p -> assertThat(p.views()).containsOnlyKeys("a.View shop.Order", "a.View Stock"));
        assertThat(orders.take("a.View", null, 3, "m3 on(e)"))
                .as("an event from a server before entity types, older than the typed position: skipped").isEmpty();
        assertThat(orders.take("a.View", null, 6, "m4 on(e)")).hasValueSatisfying(p -> assertThat(p.views())
                .containsEntry("a.View", new ViewPositions.Position(6, List.of("m4 on(e)"))));
    }

    @Test
    void aViewPositionSurvivesTheSerializer() {
        ViewPositions positions = ViewPositions.NONE.take("a.View", "a.Entity", 7, UUID.randomUUID() + " on(b.Event)").orElseThrow();
        JsonBindingSerializer json = new JsonBindingSerializer();

        assertThat(json.deserialize(json.serialize(positions), ViewPositions.class)).isEqualTo(positions);
    }

    private static Envelope<AccountUpdated> updated(long sequenceNo, int balance) {
        BankAccount.Snapshot account = new BankAccount.Snapshot("v-1", "Ada", BigDecimal.valueOf(balance), false, null, null);
        UUID id = Metadata.newId();
        Metadata metadata = new Metadata(id, id, null, null, "v-1", sequenceNo, Instant.now(), false, Metadata.Origin.REMOTE, Map.of());
        return new Envelope<>(new AccountUpdated(account), metadata);
    }

    private AccountViewModel view() {
        return views.find(AccountViewModel.class, "v-1").orElseThrow();
    }

    private int activity() {
        return views.find(ActivityView.Activity.class, "v-1").orElseThrow().events();
    }
}
