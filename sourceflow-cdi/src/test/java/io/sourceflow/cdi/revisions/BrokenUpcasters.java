package io.sourceflow.cdi.revisions;

import io.sourceflow.Command;
import io.sourceflow.DocumentType;
import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.MessageType;
import io.sourceflow.Projects;
import io.sourceflow.Saga;
import io.sourceflow.Upcaster;
import io.sourceflow.Upcasts;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** Upcasters that the extension must refuse, together: one broken rule each. */
public final class BrokenUpcasters {

    private BrokenUpcasters() {
    }

    /** At revision 3, with an upcaster for revision 2 only. */
    @MessageType(value = "gap.Thing", revision = 3)
    public record Thing(EntityRef entity) implements Command {
    }

    /** At revision 2; its upcaster renames it to an alias nothing here takes. */
    @MessageType(value = "named.Thing", revision = 2)
    public record Named(EntityRef entity) implements Command {
    }

    /** Registers {@link Thing} and {@link Named}. */
    @ApplicationScoped
    public static class ThingSaga extends Saga<Revisions.Till> {
        @Handles
        void on(Revisions.Till till, Thing thing) {
        }

        @Handles
        void on(Revisions.Till till, Named named) {
        }
    }

    /** A revision below 1. */
    @MessageType(value = "zero.Thing", revision = 0)
    public record Zero(EntityRef entity) implements Command {
    }

    /** Registers {@link Zero}. */
    @ApplicationScoped
    public static class ZeroSaga extends Saga<Revisions.Till> {
        @Handles
        void on(Revisions.Till till, Zero zero) {
        }
    }

    /** A view model at revision 2 with no upcaster of its revision 1. */
    @DocumentType(value = "doc.Gap", revision = 2)
    public record GapModel(int value) {
    }

    /** Registers {@link GapModel}. */
    @ApplicationScoped
    public static class GapView extends View<GapModel> {
        @Projects
        GapModel on(io.sourceflow.cdi.bank.Events.AccountCreated event) {
            return new GapModel(1);
        }
    }

    /** Same for all. */
    abstract static class Identity implements Upcaster {
        @Override
        public JsonObject upcast(JsonObject payload) {
            return payload;
        }
    }

    /** One of two for revision 2. */
    @ApplicationScoped
    @Upcasts(alias = "gap.Thing", revision = 2)
    public static class TwinA extends Identity {
    }

    /** The other. */
    @ApplicationScoped
    @Upcasts(alias = "gap.Thing", revision = 2)
    public static class TwinB extends Identity {
    }

    /** Reads the current revision. */
    @ApplicationScoped
    @Upcasts(alias = "gap.Thing", revision = 3)
    public static class FromCurrent extends Identity {
    }

    /** Reads a type handled here and ends at an alias no handler takes (a misspelt rename). */
    @ApplicationScoped
    @Upcasts(alias = "named.Thing", revision = 1, to = "gone.New")
    public static class Nowhere extends Identity {
    }

    /** Makes revision 6 of a type at revision 3. */
    @ApplicationScoped
    @Upcasts(alias = "old.Thing", revision = 5, to = "gap.Thing")
    public static class Overshoot extends Identity {
    }

    /** An upcaster without its step. */
    @ApplicationScoped
    public static class Unnamed extends Identity {
    }

    /** A step without an upcaster. */
    @ApplicationScoped
    @Upcasts(alias = "gap.Thing", revision = 1)
    public static class NotAnUpcaster {
    }
}
