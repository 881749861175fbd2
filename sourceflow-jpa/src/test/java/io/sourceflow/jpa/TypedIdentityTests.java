package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.cdi.typed.Shop;
import io.sourceflow.cdi.typed.Shop.AddToOrder;
import io.sourceflow.cdi.typed.Shop.Level;
import io.sourceflow.cdi.typed.Shop.Order;
import io.sourceflow.cdi.typed.Shop.Seen;
import io.sourceflow.cdi.typed.Shop.Stock;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An order and a stock item with one id in the JPA log: two logs (rows under two entity types), two
 * sequences from 1, and replaying one rebuilds it and its view without touching the other's rows.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TypedIdentityTests {

    final TestDatabase db = TestDatabase.create(kind(), "typed_" + kind().name().toLowerCase());
    final Rows rows = new Rows(db);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(Shop.OrderSaga.class, Shop.StockSaga.class, Shop.OrderTotals.class,
            Shop.StockLevels.class, Shop.StockItems.class)).build();

    @Inject
    CommandBus bus;
    @Inject
    Shop.StockItems stock;
    @Inject
    EntityStore entities;
    @Inject
    ViewModelStore views;

    abstract TestDatabase.Kind kind();

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void twoTypesWithOneIdKeepTwoLogsAndReplayApart() {
        // given
        bus.publish(new AddToOrder(EntityRef.of("7").asNew(), 10));
        stock.add("7", 5, true);
        bus.publish(new AddToOrder(EntityRef.of("7"), 20));
        stock.add("7", 7, false);
        bus.publish(new AddToOrder(EntityRef.of("7"), 30));
        List<List<Object>> stockRows = stockRows();
        assertThat(stockRows).hasSize(2);

        // when
        long orders = bus.replay(Order.class, EntityRef.of("7"));

        // then
        assertThat(rows.query("SELECT entity_type, sequence_no FROM sourceflow_command WHERE entity_id = '7'"
                + " ORDER BY entity_type, sequence_no")).containsExactly(List.of("Stock", 1L), List.of("Stock", 2L),
                List.of("shop.Order", 1L), List.of("shop.Order", 2L), List.of("shop.Order", 3L));
        assertThat(orders).isEqualTo(3);
        assertThat(TestDatabase.inTransaction(() -> entities.find(Order.class, "7").orElseThrow().total)).isEqualTo(60);
        assertThat(TestDatabase.inTransaction(() -> views.find(Seen.class, "7"))).contains(new Seen(60, 3, "shop.Order"));
        assertThat(stockRows()).as("the stock item's entity and view rows, untouched").isEqualTo(stockRows);
        assertThat(stock.rebuild("7")).isEqualTo(2);
        assertThat(TestDatabase.inTransaction(() -> views.find(Level.class, "7"))).contains(new Level(12, 2, "Stock"));
        assertThat(TestDatabase.inTransaction(() -> entities.find(Stock.class, "7").orElseThrow().quantity)).isEqualTo(12);
    }

    @Test
    void theIdsOfATypeAreListedInPagesFromTheLogsKey() {
        for (String id : List.of("p-3", "p-1", "p-2")) {
            bus.publish(new AddToOrder(EntityRef.of(id).asNew(), 1));
            bus.publish(new AddToOrder(EntityRef.of(id), 1));
        }
        stock.add("p-9", 1, true);
        CommandStore log = weld.select(CommandStore.class).get();

        assertThat(TestDatabase.inTransaction(() -> log.entityIds("shop.Order", "p-", 2))).containsExactly("p-1", "p-2");
        assertThat(TestDatabase.inTransaction(() -> log.entityIds("shop.Order", "p-2", 2))).containsExactly("p-3");
        assertThat(TestDatabase.inTransaction(() -> log.entityIds("Stock", "p-", 5))).containsExactly("p-9");
    }

    private List<List<Object>> stockRows() {
        return rows.query("SELECT type_name, version, body FROM sourceflow_document WHERE id = '7' AND type_name IN (?, ?)"
                + " ORDER BY type_name", Stock.class.getName(), Level.class.getName());
    }
}
