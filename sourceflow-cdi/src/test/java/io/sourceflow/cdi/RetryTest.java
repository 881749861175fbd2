package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.Command;
import io.sourceflow.ConcurrencyException;
import io.sourceflow.DuplicateKeyException;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.cdi.bank.Commands.WithdrawMoney;
import io.sourceflow.spi.CommandDispatcher;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.Outcome;
import io.sourceflow.spi.ViewModelStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** A transient conflict is retried from scratch; what failed attempts wrote is undone. */
@EnableWeld
class RetryTest {

    /** Fails the first deposits with a conflict, after the saga has run. */
    @ApplicationScoped
    static class Conflicts implements CommandDispatcher {
        private final AtomicInteger remaining = new AtomicInteger();
        private final AtomicInteger seen = new AtomicInteger();
        private final List<UUID> messageIds = new CopyOnWriteArrayList<>();

        void failNext(int times) {
            remaining.set(times);
            seen.set(0);
            messageIds.clear();
        }

        List<UUID> messageIds() {
            return List.copyOf(messageIds);
        }

        int seen() {
            return seen.get();
        }

        @Override
        public Outcome dispatch(Envelope<? extends Command> envelope) {
            if (envelope.message() instanceof DepositMoney) {
                seen.incrementAndGet();
                messageIds.add(envelope.metadata().messageId());
                if (remaining.getAndDecrement() > 0) {
                    throw new ConcurrencyException("simulated conflict on " + envelope.describe());
                }
            }
            return Outcome.DECLINED;
        }

        @Override
        public int getPriority() {
            return 2000;
        }
    }

    /** Fails withdrawals with a duplicate key on a chosen number: 0 for the one the command claimed. */
    @ApplicationScoped
    static class DuplicateKeys implements CommandDispatcher {
        private final AtomicInteger seen = new AtomicInteger();
        private volatile long number = -1;

        void failOn(long sequenceNo) {
            number = sequenceNo;
            seen.set(0);
        }

        int seen() {
            return seen.get();
        }

        @Override
        public Outcome dispatch(Envelope<? extends Command> envelope) {
            if (envelope.message() instanceof WithdrawMoney && number >= 0) {
                seen.incrementAndGet();
                long claimed = number == 0 ? envelope.metadata().sequenceNo() : number;
                throw new DuplicateKeyException("simulated duplicate key on " + envelope.describe(), "BankAccount",
                        envelope.message().entity().id(), claimed, new IllegalStateException("the name is taken"));
            }
            return Outcome.DECLINED;
        }

        @Override
        public int getPriority() {
            return 2001;
        }
    }

    @WeldSetup
    WeldInitiator weld = SourceFlowWeld.initiator(AccountSaga.class, AccountView.class, AccountAggregate.class,
            Conflicts.class, DuplicateKeys.class);

    @Inject
    AccountAggregate accounts;
    @Inject
    Conflicts conflicts;
    @Inject
    DuplicateKeys duplicateKeys;
    @Inject
    CommandStore log;
    @Inject
    EntityStore entities;
    @Inject
    ViewModelStore views;

    @Test
    void conflictIsRetriedAndAppliedOnce() {
        // given
        accounts.open("x-1", "Rita", BigDecimal.TEN);
        conflicts.failNext(2);

        // when
        accounts.deposit("x-1", BigDecimal.ONE);

        // then
        assertThat(conflicts.seen()).isEqualTo(3);
        assertThat(entities.find(BankAccount.class, "x-1").orElseThrow().getBalance()).isEqualByComparingTo("11");
        AccountViewModel view = views.find(AccountViewModel.class, "x-1").orElseThrow();
        assertThat(view.currentBalance()).isEqualByComparingTo("11");
        assertThat(view.transactionCount()).isEqualTo(1);
        assertThat(sequenceNumbers("x-1")).containsExactly(1L, 2L);
    }

    @Test
    void everyAttemptOfARetriedCommandCarriesOneMessageId() {
        // given
        accounts.open("x-6", "Rhea", BigDecimal.TEN);
        conflicts.failNext(1);

        // when
        accounts.deposit("x-6", BigDecimal.ONE);

        // then: what an attempt recorded under its message id (a status, say) names the command finally applied
        assertThat(conflicts.messageIds()).hasSize(2).containsOnly(conflicts.messageIds().get(0));
    }

    @Test
    void retriesAreBoundedAndTheConflictIsReported() {
        // given
        accounts.open("x-2", "Rita", BigDecimal.TEN);
        conflicts.failNext(Integer.MAX_VALUE);

        // when / then
        assertThatThrownBy(() -> accounts.deposit("x-2", BigDecimal.ONE))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("entity 'x-2' #2");
        assertThat(conflicts.seen()).isEqualTo(SourceFlowRuntime.DEFAULT_MAX_ATTEMPTS);
        assertThat(entities.find(BankAccount.class, "x-2").orElseThrow().getBalance()).isEqualByComparingTo("10");
        assertThat(sequenceNumbers("x-2")).containsExactly(1L);
    }

    @Test
    void aDuplicateKeyOnANumberNoOtherWriterHoldsIsTheApplicationsOwnAndNotRetried() {
        // given
        accounts.open("x-4", "Uma", BigDecimal.TEN);
        duplicateKeys.failOn(0);

        // when / then: the provider's exception, after one attempt, nothing kept
        assertThatThrownBy(() -> accounts.withdraw("x-4", BigDecimal.ONE))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("the name is taken");
        assertThat(duplicateKeys.seen()).isEqualTo(1);
        assertThat(sequenceNumbers("x-4")).containsExactly(1L);
    }

    @Test
    void aDuplicateKeyOnANumberTheLogHoldsIsALostRaceAndRetried() {
        // given: the withdrawal claims #1, which the opening holds
        accounts.open("x-5", "Uwe", BigDecimal.TEN);
        duplicateKeys.failOn(1);

        // when / then
        assertThatThrownBy(() -> accounts.withdraw("x-5", BigDecimal.ONE)).isInstanceOf(DuplicateKeyException.class);
        assertThat(duplicateKeys.seen()).isEqualTo(SourceFlowRuntime.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void onlyTransientFailuresCount() {
        assertThat(RetryingCommandBus.isTransient(new RuntimeException(new ConcurrencyException("x")))).isTrue();
        assertThat(RetryingCommandBus.isTransient(new IllegalStateException("x"))).isFalse();
        assertThat(RetryingCommandBus.isTransient(new io.sourceflow.NoHandlerException("x"))).isFalse();
    }

    @Test
    void workInsideTheCallersTransactionIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        io.sourceflow.CommandBus failing = new io.sourceflow.CommandBus() {
            @Override
            public io.sourceflow.Metadata publish(Command command) {
                calls.incrementAndGet();
                throw new ConcurrencyException("conflict");
            }

            @Override
            public io.sourceflow.Metadata publish(Envelope<? extends Command> envelope) {
                return publish(envelope.message());
            }

            @Override
            public long replay(Class<?> entityType, EntityRef entity) {
                return 0;
            }
        };
        RetryingCommandBus retrying = new RetryingCommandBus(failing, 5, () -> true, duplicate -> true);

        assertThatThrownBy(() -> retrying.publish(new DepositMoney(EntityRef.of("x-3"), BigDecimal.ONE)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(calls).hasValue(1);
    }

    private java.util.List<Long> sequenceNumbers(String id) {
        try (Stream<Envelope<Command>> commands = log.load("BankAccount", id)) {
            return commands.map(c -> c.metadata().sequenceNo()).toList();
        }
    }

}
