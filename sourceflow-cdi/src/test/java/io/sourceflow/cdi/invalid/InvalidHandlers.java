package io.sourceflow.cdi.invalid;

import io.sourceflow.Aggregate;
import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Event;
import io.sourceflow.Handles;
import io.sourceflow.MessageType;
import io.sourceflow.Projects;
import io.sourceflow.Saga;
import io.sourceflow.Subscribes;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;

/** Beans that the extension must refuse, one problem each. */
public final class InvalidHandlers {

    private InvalidHandlers() {
    }

    public record Ping(EntityRef entity) implements Command {
    }

    public record Pong() implements Event {
    }

    public static class Thing {
    }

    public static class NoDefaultConstructor {
        public NoDefaultConstructor(String id) {
        }
    }

    @ApplicationScoped
    public static class TwoCommands extends Saga<Thing> {
        @Handles
        void on(Ping first, Ping second) {
        }
    }

    @ApplicationScoped
    public static class StrangeParameter extends Saga<Thing> {
        @Handles
        void on(Thing thing, Ping ping, String name) {
        }
    }

    @ApplicationScoped
    public static class ReturnsValue extends Aggregate<Thing> {
        @Subscribes
        String on(Pong pong) {
            return "x";
        }
    }

    @ApplicationScoped
    public static class NotAView {
        @Projects
        void on(Pong pong) {
        }
    }

    @ApplicationScoped
    public static class PrivateHandler extends Saga<Thing> {
        @Handles
        private void on(Ping ping) {
        }
    }

    @ApplicationScoped
    public static class FirstPingSaga extends Saga<Thing> {
        @Handles
        void on(Ping ping) {
        }
    }

    @ApplicationScoped
    public static class SecondPingSaga extends Saga<Thing> {
        @Handles
        void on(Thing thing, Ping ping) {
        }
    }

    public static class NoScopeView extends View<Thing> {
        @Projects
        void on(Pong pong) {
        }
    }

    @SuppressWarnings("rawtypes")
    @ApplicationScoped
    public static class RawSaga extends Saga {
        @Handles
        void on(Ping ping) {
        }
    }

    @Dependent
    public static class GenericSaga<T> extends Saga<T> {
        @Handles
        void on(Ping ping) {
        }
    }

    @ApplicationScoped
    public static class NoFactorySaga extends Saga<NoDefaultConstructor> {
        @Handles
        void on(Ping ping) {
        }
    }

    @MessageType("dup.Same")
    public record First(EntityRef entity) implements Command {
    }

    @MessageType("dup.Same")
    public record Second(EntityRef entity) implements Command {
    }

    @ApplicationScoped
    public static class SameAliasSaga extends Saga<Thing> {
        @Handles
        void on(First first) {
        }

        @Handles
        void on(Second second) {
        }
    }
}
