package io.sourceflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sourceflow.cdi.bank.AccountView;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit5.WeldInitiator;
import org.junit.jupiter.api.Test;

/** Without the extension (Weld SE with discovery off), the user is told what to add, not which field Weld could not fill. */
class MissingExtensionTest {

    @Test
    void aViewWithoutTheExtensionNamesTheExtensionToAdd() {
        // when
        Throwable failure = catchThrowable(() -> {
            try (WeldContainer container = WeldInitiator.createWeld().addBeanClasses(AccountView.class).initialize()) {
                container.select(AccountView.class).get().toString();
            }
        });

        // then
        assertThat(failure).isNotNull();
        assertThat(ExtensionValidationTest.fullMessage(failure))
                .contains("SourceFlow")
                .contains(SourceFlowExtension.class.getName())
                .contains("addExtension");
    }
}
