package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sourceflow.cdi.personal.CarelessSaga;
import io.sourceflow.cdi.invalid.InvalidHandlers;
import io.sourceflow.cdi.revisions.BrokenUpcasters;
import io.sourceflow.cdi.revisions.Revisions;
import io.sourceflow.spi.MessageTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

/** Every kind of bad handler makes the container refuse to start, naming the class and method. */
class ExtensionValidationTest {

    static Stream<Arguments> invalidBeans() {
        return Stream.of(
                Arguments.of(InvalidHandlers.TwoCommands.class, "TwoCommands.on: parameter 2 (Ping)"),
                Arguments.of(InvalidHandlers.StrangeParameter.class, "StrangeParameter.on: parameter 3 (String)"),
                Arguments.of(InvalidHandlers.ReturnsValue.class, "ReturnsValue.on: must return void, not String"),
                Arguments.of(InvalidHandlers.NotAView.class, "NotAView.on: @Projects methods belong to subclasses of io.sourceflow.View"),
                Arguments.of(InvalidHandlers.PrivateHandler.class, "PrivateHandler.on: must be neither static nor private"),
                Arguments.of(InvalidHandlers.NoScopeView.class, "NoScopeView: a saga, aggregate or view needs a bean-defining annotation"),
                Arguments.of(InvalidHandlers.RawSaga.class, "RawSaga.on: cannot tell the state type"),
                Arguments.of(InvalidHandlers.GenericSaga.class, "GenericSaga.on: cannot tell the state type"),
                Arguments.of(InvalidHandlers.NoFactorySaga.class, "NoFactorySaga: entity type"),
                Arguments.of(InvalidHandlers.SameAliasSaga.class, "message type alias 'dup.Same' is used by"));
    }

    @ParameterizedTest
    @MethodSource("invalidBeans")
    void refusesToStart(Class<?> bean, String problem) {
        // when
        Throwable failure = catchThrowable(() -> SourceFlowWeld.weld(bean).initialize().shutdown());

        // then
        assertThat(failure).isNotNull();
        assertThat(fullMessage(failure)).contains(problem);
    }

    @Test
    void twoSagasForOneCommandAreRefusedNamingBoth() {
        Throwable failure = catchThrowable(() -> SourceFlowWeld
                .weld(InvalidHandlers.FirstPingSaga.class, InvalidHandlers.SecondPingSaga.class)
                .initialize().shutdown());

        assertThat(fullMessage(failure))
                .contains("command " + InvalidHandlers.Ping.class.getName() + " has 2 handlers")
                .contains("FirstPingSaga.on")
                .contains("SecondPingSaga.on");
    }

    @Test
    void personalDataThatCouldNeverBeWrittenIsRefusedAtBoot() {
        Throwable failure = catchThrowable(() -> SourceFlowWeld.weld(CarelessSaga.class).initialize().shutdown());

        assertThat(fullMessage(failure))
                .contains(CarelessSaga.Register.class.getName() + " has @Personal fields [name] but no @DataSubject")
                .contains(CarelessSaga.Holder.class.getName() + ".age is @Personal but a primitive");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Throwable failure = catchThrowable(() -> SourceFlowWeld
                .weld(InvalidHandlers.TwoCommands.class, InvalidHandlers.ReturnsValue.class, InvalidHandlers.NoScopeView.class)
                .initialize().shutdown());

        assertThat(fullMessage(failure))
                .contains("TwoCommands.on")
                .contains("ReturnsValue.on")
                .contains("NoScopeView");
    }

    @Test
    void brokenUpcasterChainsAreRefusedTogether() {
        Throwable failure = catchThrowable(() -> SourceFlowWeld
                .weld(BrokenUpcasters.ThingSaga.class, BrokenUpcasters.ZeroSaga.class, BrokenUpcasters.TwinA.class,
                        BrokenUpcasters.TwinB.class,
                        BrokenUpcasters.FromCurrent.class, BrokenUpcasters.Nowhere.class, BrokenUpcasters.Overshoot.class,
                        BrokenUpcasters.Unnamed.class, BrokenUpcasters.NotAnUpcaster.class, BrokenUpcasters.GapView.class)
                .initialize().shutdown());

        assertThat(fullMessage(failure))
                .contains("type alias 'gap.Thing' is at revision 3, but no upcaster reads its revision 1")
                .contains("type alias 'doc.Gap' is at revision 2, but no upcaster reads its revision 1")
                .contains("type alias 'zero.Thing' has revision 0; a revision is at least 1")
                .contains("revision 2 of 'gap.Thing' has 2 upcasters, it must have one: ["
                        + BrokenUpcasters.TwinA.class.getName() + ", " + BrokenUpcasters.TwinB.class.getName() + "]")
                .contains(BrokenUpcasters.FromCurrent.class.getName() + " (revision 3 of 'gap.Thing'): 'gap.Thing' is at revision 3,"
                        + " so there is nothing to upcast revision 3 to")
                .contains(BrokenUpcasters.Nowhere.class.getName() + " (revision 1 of 'named.Thing'): its chain ends at revision 2 of"
                        + " 'gone.New', an alias no handler takes")
                .contains(BrokenUpcasters.Overshoot.class.getName() + " (revision 5 of 'old.Thing'): its chain makes revision 6 of"
                        + " 'gap.Thing', newer than the current revision 3")
                .contains(BrokenUpcasters.Unnamed.class.getName() + ": an Upcaster bean needs @Upcasts")
                .contains(BrokenUpcasters.NotAnUpcaster.class.getName() + ": @Upcasts is on a class that does not implement");
    }

    @Test
    void aServerWithoutTheSagaOfATypeDeploysWithThatTypesUpcasters() {
        // one WAR on every server of a topology: where the saga is left out, its commands are only sent,
        // and the upcasters of their older revisions read nothing here
        try (WeldContainer container = SourceFlowWeld.weld(Revisions.AmountRenamed.class, Revisions.ReferenceAdded.class,
                Revisions.CreditRenamed.class, Revisions.Fragile.class).initialize()) {
            MessageTypes types = container.select(MessageTypes.class).get();

            // nothing here reads those types: a message of them is not taken for one this server must read
            assertThat(types.reads("rev.Deposit")).isFalse();
            assertThat(types.reads("rev.Credit")).isFalse();
        }
    }

    static String fullMessage(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                text.append(s).append('\n');
            }
        }
        return text.toString();
    }
}
