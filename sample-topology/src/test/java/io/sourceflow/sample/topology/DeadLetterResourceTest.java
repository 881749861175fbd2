package io.sourceflow.sample.topology;

import io.sourceflow.rest.Problem;
import io.sourceflow.rest.Problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sourceflow.jms.DeadLetterAlreadyRedrivenException;
import io.sourceflow.jms.DeadLetters;
import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which failures of a re-drive the resource answers with 409, and which it leaves alone. */
class DeadLetterResourceTest {

    @Test
    void aLetterRedrivenBeforeIs409() {
        // given
        DeadLetterResource resource = resourceFailingWith(
                new DeadLetterAlreadyRedrivenException("Dead letter d-1 (message m-1) was re-driven on 2026-11-30"));

        // when
        Throwable thrown = catchThrowable(() -> resource.redrive("d-1"));

        // then
        Problem problem = Problems.classify(thrown).orElseThrow();
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).contains("d-1").contains("re-driven");
    }

    @Test
    void anUnrelatedIllegalStateExceptionIsNotTakenForAnEarlierRedrive() {
        // given
        IllegalStateException unrelated = new IllegalStateException("the JMS session is closed");
        DeadLetterResource resource = resourceFailingWith(unrelated);

        // when
        Throwable thrown = catchThrowable(() -> resource.redrive("d-1"));

        // then
        assertThat(thrown).isSameAs(unrelated);
        assertThat(Problems.classify(thrown)).as("left to the mapper's 500, not a 409").isEmpty();
    }

    @Test
    void theListPassesItsFilterAndPageOn() {
        // given
        List<Object[]> asked = new ArrayList<>();
        DeadLetterResource resource = new DeadLetterResource();
        resource.deadLetters = new DeadLetters() {
            @Override
            public List<DeadLetter> list(DeadLetterFilter filter, int first, int max) {
                asked.add(new Object[] {filter, first, max});
                return List.of();
            }
        };

        // when
        resource.list("true", " bank.DepositMoney ", "a-1", "2026-11-01T00:00:00Z", "", "20", "10");

        // then
        assertThat(asked).singleElement().satisfies(call -> {
            assertThat(call[0]).isEqualTo(new DeadLetterFilter("bank.DepositMoney", "a-1", Instant.parse("2026-11-01T00:00:00Z"),
                    null, true));
            assertThat(call[1]).isEqualTo(20);
            assertThat(call[2]).isEqualTo(10);
        });
    }

    @Test
    void deletingALetterThatIsNotThereIs404() {
        DeadLetterResource resource = new DeadLetterResource();
        resource.deadLetters = new DeadLetters() {
            @Override
            public boolean delete(String id) {
                return "d-1".equals(id);
            }
        };

        assertThat(Problems.classify(catchThrowable(() -> resource.delete("d-2"))).orElseThrow().status()).isEqualTo(404);
    }

    private static DeadLetterResource resourceFailingWith(RuntimeException failure) {
        DeadLetterResource resource = new DeadLetterResource();
        resource.deadLetters = new DeadLetters() {
            @Override
            public Optional<DeadLetter> redrive(String id) {
                throw failure;
            }
        };
        return resource;
    }
}
