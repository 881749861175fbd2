package io.sourceflow.jpa.documents;

import io.sourceflow.Command;
import io.sourceflow.DocumentType;
import io.sourceflow.EntityRef;
import io.sourceflow.Event;
import io.sourceflow.Handles;
import io.sourceflow.Projects;
import io.sourceflow.Saga;
import io.sourceflow.Upcaster;
import io.sourceflow.Upcasts;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/**
 * An entity and a view model at their second revision, kept as documents, and the upcasters of their
 * first: the entity's count was a string {@code n} and its label {@code name}; the view model's holder
 * was one field, now split into first and last name.
 */
public final class Counters {

    static final JsonProvider JSON = JsonProvider.provider();

    private Counters() {
    }

    /** The entity, at revision 2. */
    @DocumentType(value = "test.Counter", revision = 2)
    public static class Counter {
        public String label;
        public long count;
    }

    /** Counts up. */
    public record Count(EntityRef entity, long by) implements Command {
    }

    /** What the count is now. */
    public record Counted(String label, long count) implements Event {
    }

    /** The view model, at revision 2. */
    @DocumentType(value = "test.Tally", revision = 2)
    public record Tally(String first, String last, long total) {
    }

    /** Handles counting. */
    @ApplicationScoped
    public static class CounterSaga extends Saga<Counter> {
        @Handles
        Counter on(Counter counter, Count command) {
            counter.count += command.by();
            raise(new Counted(counter.label, counter.count));
            return counter;
        }
    }

    /** Keeps the tally. */
    @ApplicationScoped
    public static class TallyView extends View<Tally> {
        @Projects
        Tally on(Tally current, Counted event) {
            return current == null ? new Tally(event.label(), "", event.count())
                    : new Tally(current.first(), current.last(), event.count());
        }
    }

    /** Revision 1 of the entity: {@code {"name": "...", "n": "5"}}. */
    @ApplicationScoped
    @Upcasts(alias = "test.Counter", revision = 1)
    public static class CounterTyped implements Upcaster {
        @Override
        public JsonObject upcast(JsonObject payload) {
            return JSON.createObjectBuilder().add("label", payload.getString("name"))
                    .add("count", Long.parseLong(payload.getString("n"))).build();
        }
    }

    /** Revision 1 of the view model: {@code {"holder": "First Last", "total": 5}}; fails on a holder of one word. */
    @ApplicationScoped
    @Upcasts(alias = "test.Tally", revision = 1)
    public static class TallySplit implements Upcaster {
        @Override
        public JsonObject upcast(JsonObject payload) {
            String holder = payload.getString("holder");
            int space = holder.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("a holder of one word cannot be split");
            }
            return JSON.createObjectBuilder().add("first", holder.substring(0, space)).add("last", holder.substring(space + 1))
                    .add("total", payload.getJsonNumber("total").longValue()).build();
        }
    }
}
