package io.sourceflow.test;

import io.sourceflow.cdi.SourceFlowExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.weld.junit5.auto.AddExtensions;
import org.jboss.weld.junit5.auto.EnableAutoWeld;

/**
 * Runs a JUnit 5 test class in a Weld SE container holding SourceFlow's runtime over the in-memory
 * stores (weld-junit5's {@code @EnableAutoWeld} with SourceFlow's CDI extension added): a new
 * container for each test method, so every test starts with empty stores. Name the sagas,
 * aggregates and views to deploy with weld-junit5's {@code @AddBeanClasses}; the types of
 * {@code @Inject} fields are added on their own.
 *
 * <pre>{@code
 * @SourceFlowTest
 * @AddBeanClasses({AccountSaga.class, AccountView.class})
 * class AccountScenarioTest {
 *     @Inject AccountAggregate accounts;
 *     @Inject AccountView view;
 *
 *     @Test
 *     void depositShowsInTheView() {
 *         accounts.open("a-1", "Jane", new BigDecimal("100"));
 *         accounts.deposit("a-1", new BigDecimal("50"));
 *         assertThat(view.get("a-1").orElseThrow().getCurrentBalance()).isEqualByComparingTo("150");
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@EnableAutoWeld
@AddExtensions(SourceFlowExtension.class)
public @interface SourceFlowTest {
}
