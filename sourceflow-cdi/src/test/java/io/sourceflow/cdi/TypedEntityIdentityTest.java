package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.Command;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.History;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.typed.Shop;
import io.sourceflow.cdi.typed.Shop.AddToOrder;
import io.sourceflow.cdi.typed.Shop.Level;
import io.sourceflow.cdi.typed.Shop.Order;
import io.sourceflow.cdi.typed.Shop.Seen;
import io.sourceflow.cdi.typed.Shop.Stock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An order and a stock item with one id: two logs, two sequences, two replays. */
class TypedEntityIdentityTest {

    private final Shop.StockItems stock = new Shop.StockItems();
    private StandaloneRuntime runtime;

    @BeforeEach
    void twoEntitiesWithOneId() {
        runtime = StandaloneRuntime.builder()
                .handlers(new Shop.OrderSaga(), new Shop.StockSaga(), new Shop.OrderTotals(), new Shop.StockLevels(), stock)
                .build();
        runtime.bus().publish(new AddToOrder(EntityRef.of("1").asNew(), 10));
        stock.add("1", 5, true);
        runtime.bus().publish(new AddToOrder(EntityRef.of("1"), 20));
        stock.add("1", 7, false);
        runtime.bus().publish(new AddToOrder(EntityRef.of("1"), 30));
    }

    @Test
    void eachTypeHasItsOwnLogAndSequence() {
        assertThat(logged("shop.Order")).extracting(c -> c.metadata().sequenceNo()).containsExactly(1L, 2L, 3L);
        assertThat(logged("Stock")).extracting(c -> c.metadata().sequenceNo()).containsExactly(1L, 2L);
        assertThat(logged("Stock")).extracting(c -> c.metadata().entityType()).containsOnly("Stock");
        assertThat(runtime.log().holds("shop.Order", "1", 3)).isTrue();
        assertThat(runtime.log().holds("Stock", "1", 3)).isFalse();
        assertThat(runtime.entities().find(Order.class, "1").orElseThrow().total).isEqualTo(60);
        assertThat(runtime.entities().find(Stock.class, "1").orElseThrow().quantity).isEqualTo(12);
        assertThat(runtime.views().find(Seen.class, "1")).contains(new Seen(60, 3, "shop.Order"));
        assertThat(runtime.views().find(Level.class, "1")).contains(new Level(12, 2, "Stock"));
    }

    @Test
    void replayingOneTypeLeavesTheOtherTypesEntityAndViewsAlone() {
        assertThat(runtime.bus().replay(Order.class, EntityRef.of("1"))).isEqualTo(3);

        assertThat(runtime.entities().find(Order.class, "1").orElseThrow().total).isEqualTo(60);
        assertThat(runtime.views().find(Seen.class, "1")).as("rebuilt once, not on top of itself")
                .contains(new Seen(60, 3, "shop.Order"));
        assertThat(runtime.entities().find(Stock.class, "1").orElseThrow().quantity).isEqualTo(12);
        assertThat(runtime.views().find(Level.class, "1")).contains(new Level(12, 2, "Stock"));

        assertThat(stock.rebuild("1")).as("the aggregate replays its own entity type").isEqualTo(2);
        assertThat(runtime.views().find(Level.class, "1")).contains(new Level(12, 2, "Stock"));
        assertThat(runtime.views().find(Seen.class, "1")).contains(new Seen(60, 3, "shop.Order"));
    }

    @Test
    void anIdAloneIsAmbiguousWhenTwoTypesHoldItAndPlainWhenOneDoes() {
        assertThatThrownBy(() -> runtime.bus().replay(EntityRef.of("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entity '1'").hasMessageContaining("[Stock, shop.Order]");
        assertThatThrownBy(() -> runtime.history().page(EntityRef.of("1"), 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[Stock, shop.Order]");

        runtime.bus().publish(new AddToOrder(EntityRef.of("2").asNew(), 4));
        assertThat(runtime.bus().replay(EntityRef.of("2"))).isEqualTo(1);
        assertThatThrownBy(() -> runtime.bus().replay(EntityRef.of("3"))).isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> runtime.bus().replay(Stock.class, EntityRef.of("2")))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("'Stock'");
        assertThat(runtime.bus().replay(Object.class, EntityRef.of("2"))).as("a supertype: the one of its entity types").isEqualTo(1);
        assertThatThrownBy(() -> runtime.bus().replay(Object.class, EntityRef.of("1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[Stock, shop.Order]");
        assertThatThrownBy(() -> runtime.bus().replay(String.class, EntityRef.of("2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String is not the entity type of a saga here")
                .hasMessageContaining(Order.class.getName()).hasMessageContaining(Stock.class.getName());
    }

    @Test
    void theIdsOfATypeAreListedInPages() {
        runtime.bus().publish(new AddToOrder(EntityRef.of("3").asNew(), 1));
        runtime.bus().publish(new AddToOrder(EntityRef.of("2").asNew(), 1));

        assertThat(runtime.log().entityIds("shop.Order", null, 2)).containsExactly("1", "2");
        assertThat(runtime.log().entityIds("shop.Order", "2", 2)).containsExactly("3");
        assertThat(runtime.log().entityIds("shop.Order", "3", 2)).isEmpty();
        assertThat(runtime.log().entityIds("Stock", null, 10)).containsExactly("1");
        assertThatThrownBy(() -> runtime.log().entityIds("Stock", null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHistoryOfOneTypeNamesItsType() {
        List<History.Entry> orders = runtime.history().page(Order.class, EntityRef.of("1"), 0, 10);

        assertThat(orders).extracting(History.Entry::metadata).extracting(Metadata::entityType, Metadata::sequenceNo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shop.Order", 1L),
                        org.assertj.core.groups.Tuple.tuple("shop.Order", 2L), org.assertj.core.groups.Tuple.tuple("shop.Order", 3L));
        assertThat(runtime.history().page(Stock.class, EntityRef.of("1"), 1, 10)).singleElement()
                .satisfies(entry -> assertThat(entry.metadata().sequenceNo()).isEqualTo(2));
        assertThat(runtime.history().page(EntityRef.of("9"), 0, 10)).isEmpty();
    }

    @Test
    void twoEntityClassesWithOneNameAreADeploymentError() {
        assertThatThrownBy(() -> StandaloneRuntime.builder()
                .handlers(new Shop.OrderSaga(), new Shop.Clash.BasketSaga()).build())
                .hasMessageContaining("entity type name 'shop.Order' is used by")
                .hasMessageContaining(Order.class.getName()).hasMessageContaining(Shop.Clash.Basket.class.getName());
    }

    private List<Envelope<Command>> logged(String type) {
        try (Stream<Envelope<Command>> commands = runtime.log().load(type, "1")) {
            return commands.toList();
        }
    }
}
