package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.keyed.Branches;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ids of the events a handler raises: derived, so that a replay or retry raises the same ones. */
class HandlerContextTest {

    private final Envelope<Branches.Deposit> cause = new Envelope<>(new Branches.Deposit(EntityRef.of("a-1"), 5),
            Metadata.create("a-1").withSequenceNo(4));

    @Test
    void handlingTheSameCauseAgainRaisesEventsWithTheSameIds() {
        List<UUID> first = raiseTwo(cause, handler(Branches.AccountSaga.class));
        List<UUID> again = raiseTwo(cause.with(cause.metadata().withReplay(true)), handler(Branches.AccountSaga.class));

        assertThat(again).isEqualTo(first).doesNotHaveDuplicates().doesNotContain(cause.metadata().messageId());
    }

    @Test
    void anotherHandlerOrAnotherCauseRaisesOtherIds() {
        List<UUID> first = raiseTwo(cause, handler(Branches.AccountSaga.class));

        assertThat(raiseTwo(cause, handler(Branches.Accounts.class))).doesNotContainAnyElementsOf(first);
        Envelope<Branches.Deposit> other = new Envelope<>(cause.message(), Metadata.create("a-1").withSequenceNo(4));
        assertThat(raiseTwo(other, handler(Branches.AccountSaga.class))).doesNotContainAnyElementsOf(first);
    }

    @Test
    void overloadedHandlersOfOneBeanRaiseOtherIds() throws Exception {
        HandlerMethod deposit = new HandlerMethod(HandlerKind.SAGA, Branches.AccountSaga.class, Branches.AccountSaga.class,
                Branches.AccountSaga.class.getDeclaredMethod("on", Branches.Account.class, Branches.Deposit.class),
                Branches.Deposit.class, null, 1, 0, -1, null);
        HandlerMethod open = new HandlerMethod(HandlerKind.SAGA, Branches.AccountSaga.class, Branches.AccountSaga.class,
                Branches.AccountSaga.class.getDeclaredMethod("on", Branches.Account.class, Branches.Open.class),
                Branches.Open.class, null, 1, 0, -1, null);

        assertThat(raiseTwo(cause, deposit)).doesNotContainAnyElementsOf(raiseTwo(cause, open));
    }

    private static List<UUID> raiseTwo(Envelope<?> cause, HandlerMethod handler) {
        HandlerContext context = new HandlerContext(cause, HandlerContext.identity(handler));
        return List.of(context.raise(new Branches.Deposited("north", 5, 5)).messageId(),
                context.raise(new Branches.Deposited("north", 5, 10)).messageId());
    }

    private static HandlerMethod handler(Class<?> bean) {
        return new HandlerMethod(HandlerKind.SAGA, bean, bean, bean.getDeclaredMethods()[0], Branches.Deposit.class, null,
                0, -1, -1, null);
    }
}
