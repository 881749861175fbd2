package io.sourceflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.AccountViewModel;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/** {@link SourceFlowTest}: a Weld SE container with the runtime, new for each test. */
@SourceFlowTest
@AddBeanClasses({AccountSaga.class, AccountView.class})
class SourceFlowTestTest {

    @Inject
    AccountAggregate accounts;
    @Inject
    ViewModelStore views;

    @Test
    void theApplicationsBeansRunInTheContainer() {
        accounts.open("a-1", "Jane", new BigDecimal("100"));
        accounts.deposit("a-1", new BigDecimal("50"));

        assertThat(views.find(AccountViewModel.class, "a-1").orElseThrow().currentBalance()).isEqualByComparingTo("150");
    }

    @Test
    void eachTestStartsWithEmptyStores() {
        assertThat(views.find(AccountViewModel.class, "a-1")).isEmpty();
        accounts.open("a-1", "Jane", BigDecimal.ONE);
    }
}
