package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sourceflow.cdi.invalid.InvalidHandlers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
    void everyProblemIsListedAtOnce() {
        Throwable failure = catchThrowable(() -> SourceFlowWeld
                .weld(InvalidHandlers.TwoCommands.class, InvalidHandlers.ReturnsValue.class, InvalidHandlers.NoScopeView.class)
                .initialize().shutdown());

        assertThat(fullMessage(failure))
                .contains("TwoCommands.on")
                .contains("ReturnsValue.on")
                .contains("NoScopeView");
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
