package io.sourceflow.cdi.transport;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Event;
import io.sourceflow.MessageType;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;

/** Messages for the transport-facing behaviour of the core: a forwarded command, sealed events. */
public final class Notices {

    private Notices() {
    }

    /** A command no local saga handles: a transport forwards it. */
    @MessageType("test.Notify")
    public record Notify(EntityRef entity, String text) implements Command {
    }

    /** A sealed event family: a view handles the supertype only. */
    public sealed interface Noticed extends Event permits Posted, Withdrawn {
    }

    /** One subtype. */
    @MessageType("test.Posted")
    public record Posted(String id) implements Noticed {
    }

    /** Another subtype, itself sealed one level further. */
    public sealed interface Withdrawn extends Noticed permits Expired {
    }

    /** A subtype two levels down. */
    @MessageType("test.Expired")
    public record Expired(String id) implements Withdrawn {
    }

    /** Counts noticed events by the supertype. */
    @ApplicationScoped
    public static class NoticeView extends View<NoticeView.Count> {

        /** The view model. */
        public record Count(int seen) {
        }

        @io.sourceflow.Projects
        Count on(Count current, Noticed event) {
            return new Count(current == null ? 1 : current.seen() + 1);
        }
    }
}
