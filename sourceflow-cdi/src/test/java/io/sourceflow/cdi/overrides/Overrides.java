package io.sourceflow.cdi.overrides;

import io.sourceflow.Aggregate;
import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Event;
import io.sourceflow.Handles;
import io.sourceflow.Projects;
import io.sourceflow.Saga;
import io.sourceflow.Subscribes;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Handlers overridden in subclasses that keep the annotation: each must run once. */
public final class Overrides {

    private Overrides() {
    }

    /** Counts a thing. */
    public record Bump(EntityRef entity) implements Command {
    }

    /** A thing was bumped. */
    public record Bumped(String id) implements Event {
    }

    /** The thing. */
    public static class Thing {
        private int bumps;

        public int getBumps() {
            return bumps;
        }

        public void setBumps(int bumps) {
            this.bumps = bumps;
        }
    }

    /** How often a view saw the thing bumped. */
    public record Count(int seen) {
    }

    /** The base saga. */
    public static class BaseSaga extends Saga<Thing> {
        @Handles
        Thing on(Thing thing, Bump cmd) {
            thing.setBumps(thing.getBumps() + 1);
            raise(new Bumped(cmd.entity().id()));
            return thing;
        }
    }

    /** Overrides the handler, keeping the annotation. */
    @ApplicationScoped
    public static class DerivedSaga extends BaseSaga {
        @Override
        @Handles
        Thing on(Thing thing, Bump cmd) {
            return super.on(thing, cmd);
        }
    }

    /** The base view. */
    public static class BaseView extends View<Count> {
        @Projects
        Count on(Count current, Bumped event) {
            return new Count(current == null ? 1 : current.seen() + 1);
        }
    }

    /** Overrides the projection, keeping the annotation. */
    @ApplicationScoped
    public static class DerivedView extends BaseView {
        @Override
        @Projects
        Count on(Count current, Bumped event) {
            return super.on(current, event);
        }
    }

    /** The base aggregate, counting what it is told. */
    public static class BaseAggregate extends Aggregate<Thing> {
        final AtomicInteger seen = new AtomicInteger();

        @Subscribes
        void on(Bumped event) {
            seen.incrementAndGet();
        }

        public int seen() {
            return seen.get();
        }
    }

    /** Overrides the subscriber, keeping the annotation. */
    @ApplicationScoped
    public static class DerivedAggregate extends BaseAggregate {
        @Override
        @Subscribes
        void on(Bumped event) {
            super.on(event);
        }
    }
}
