package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.Command;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.transport.Notices.Expired;
import io.sourceflow.cdi.transport.Notices.NoticeView;
import io.sourceflow.cdi.transport.Notices.Notify;
import io.sourceflow.cdi.transport.Notices.Posted;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * What the core does for transports: a forwarded command is logged where it is handled, not where
 * it was published; the subtypes of a sealed handled type are known by alias.
 */
@EnableWeld
class TransportSupportTest {

    /** Forwards {@link Notify} (as sourceflow-jms does for routed types) and keeps what it took. */
    @ApplicationScoped
    static class Forwarder implements CommandDispatcher {
        private final List<Envelope<? extends Command>> taken = new CopyOnWriteArrayList<>();

        List<Envelope<? extends Command>> taken() {
            return taken;
        }

        @Override
        public boolean forwards(Class<? extends Command> type) {
            return type == Notify.class;
        }

        @Override
        public Outcome dispatch(Envelope<? extends Command> envelope) {
            if (envelope.message() instanceof Notify) {
                taken.add(envelope);
                return Outcome.TAKEN;
            }
            return Outcome.DECLINED;
        }

        @Override
        public int getPriority() {
            return 500;
        }
    }

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(Forwarder.class, NoticeView.class, AccountSaga.class,
            AccountAggregate.class, AccountView.class);

    @Inject
    CommandBus bus;
    @Inject
    CommandStore log;
    @Inject
    Forwarder forwarder;
    @Inject
    AccountAggregate accounts;
    @Inject
    MessageTypes types;

    @Test
    void aForwardedCommandIsNotLoggedWhereItWasPublished() {
        // when
        Metadata sent = bus.publish(new Notify(EntityRef.of("n-1"), "hello"));

        // then
        assertThat(sent.sequenceNo()).isZero();
        assertThat(forwarder.taken()).singleElement().satisfies(envelope -> {
            assertThat(envelope.metadata().messageId()).isEqualTo(sent.messageId());
            assertThat(envelope.metadata().sequenceNo()).isZero();
        });
        assertThat(log.holds("", "n-1", 1)).isFalse();
    }

    @Test
    void aForwardedTypeThatArrivedFromElsewhereIsLoggedHere() {
        // given
        Envelope<Notify> received = new Envelope<>(new Notify(EntityRef.of("n-2"), "from afar"),
                Metadata.create("n-2").withOrigin(Metadata.Origin.REMOTE));

        // when
        Metadata handled = bus.publish(received);

        // then
        assertThat(handled.sequenceNo()).isEqualTo(1);
        assertThat(handled.entityType()).as("no saga here keeps its entity: the untyped log").isEmpty();
        try (var logged = log.load("", "n-2")) {
            assertThat(logged).extracting(e -> e.metadata().messageId()).containsExactly(received.metadata().messageId());
        }
    }

    @Test
    void commandsHandledHereAreStillLogged() {
        // when
        String id = "acc-" + System.nanoTime();
        accounts.open(id, "Jane", new BigDecimal("10"));
        accounts.deposit(id, new BigDecimal("5"));

        // then
        try (var logged = log.load("BankAccount", id)) {
            assertThat(logged).extracting(e -> e.metadata().sequenceNo()).containsExactly(1L, 2L);
        }
        assertThat(forwarder.taken()).isEmpty();
    }

    @Test
    void everySubtypeOfASealedHandledTypeIsKnownByAlias() {
        assertThat(types.isKnown("test.Posted")).isTrue();
        assertThat(types.typeOf("test.Posted")).isEqualTo(Posted.class);
        assertThat(types.typeOf("test.Expired")).isEqualTo(Expired.class);
        assertThat(types.isKnown("test.Nope")).isFalse();
        assertThat(types.isKnown("bank.DepositMoney")).isTrue();
    }
}
