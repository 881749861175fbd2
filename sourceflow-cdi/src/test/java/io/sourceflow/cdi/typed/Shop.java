package io.sourceflow.cdi.typed;

import io.sourceflow.Aggregate;
import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.EntityType;
import io.sourceflow.Event;
import io.sourceflow.Handles;
import io.sourceflow.Metadata;
import io.sourceflow.Projects;
import io.sourceflow.Saga;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;

/** Two entity types whose ids collide: orders (named by {@code @EntityType}) and stock items (by class name). */
public final class Shop {

    private Shop() {
    }

    /** An order; its type name is declared. */
    @EntityType("shop.Order")
    public static class Order {
        public int total;
    }

    /** A stock item; its type name is its simple class name. */
    public static class Stock {
        public int quantity;
    }

    /** Adds to an order, creating it when new. */
    public record AddToOrder(EntityRef entity, int amount) implements Command {
    }

    /** Adds to a stock item, creating it when new. */
    public record AddStock(EntityRef entity, int quantity) implements Command {
    }

    /** An order's new total. */
    public record OrderChanged(int total) implements Event {
    }

    /** A stock item's new quantity. */
    public record StockChanged(int quantity) implements Event {
    }

    /** What a view keeps: a value, how many events built it, and the entity type their metadata named. */
    public record Seen(int value, int events, String source) {
    }

    /** Handles orders. */
    @ApplicationScoped
    public static class OrderSaga extends Saga<Order> {
        @Handles
        Order on(Order order, AddToOrder command) {
            order.total += command.amount();
            raise(new OrderChanged(order.total));
            return order;
        }
    }

    /** Handles stock. */
    @ApplicationScoped
    public static class StockSaga extends Saga<Stock> {
        @Handles
        Stock on(Stock stock, AddStock command) {
            stock.quantity += command.quantity();
            raise(new StockChanged(stock.quantity));
            return stock;
        }
    }

    /** Orders' totals, under the order id. */
    @ApplicationScoped
    public static class OrderTotals extends View<Seen> {
        @Projects
        Seen on(Seen current, OrderChanged event, Metadata metadata) {
            return new Seen(event.total(), current == null ? 1 : current.events() + 1, metadata.entityType());
        }
    }

    /** A record of stock levels, kept in its own model type under the stock item's id. */
    public record Level(int value, int events, String source) {
    }

    /** Stock levels, under the stock item's id. */
    @ApplicationScoped
    public static class StockLevels extends View<Level> {
        @Projects
        Level on(Level current, StockChanged event, Metadata metadata) {
            return new Level(event.quantity(), current == null ? 1 : current.events() + 1, metadata.entityType());
        }
    }

    /** Sends stock commands and replays stock items. */
    @ApplicationScoped
    public static class StockItems extends Aggregate<Stock> {
        public void add(String id, int quantity, boolean isNew) {
            EntityRef ref = EntityRef.of(id);
            send(new AddStock(isNew ? ref.asNew() : ref, quantity));
        }

        public long rebuild(String id) {
            return replay(EntityRef.of(id));
        }
    }

    /** Two entity classes that claim one name. */
    public static final class Clash {
        private Clash() {
        }

        /** One claimant. */
        @EntityType("shop.Order")
        public static class Basket {
        }

        /** Handles the claimant. */
        @ApplicationScoped
        public static class BasketSaga extends Saga<Basket> {
            @Handles
            Basket on(Basket basket, Fill command) {
                return basket;
            }
        }

        /** Fills a basket. */
        public record Fill(EntityRef entity) implements Command {
        }
    }
}
