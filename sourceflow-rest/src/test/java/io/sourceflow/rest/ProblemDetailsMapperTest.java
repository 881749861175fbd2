package io.sourceflow.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.EntityNotFoundException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemDetailsMapperTest {

    @Test
    void anUnrecognisedFailureIsA500WithALogReferenceAndNoInternals() {
        Problem problem = new ProblemDetailsMapper().problemFor(new IllegalStateException("secret internals"));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo("urn:sourceflow:problem:internal");
        assertThat(problem.detail()).matches("The request failed unexpectedly; reference [0-9a-f-]{36} in the server log");
    }

    @Test
    void aSubclassRecognisesTheApplicationsExceptionsFirst() {
        ProblemDetailsMapper mapper = new ProblemDetailsMapper() {
            @Override
            protected Optional<Problem> classify(Throwable failure) {
                if (failure instanceof UnsupportedOperationException) {
                    return Optional.of(new Problem("urn:example:quota", "Quota exceeded", 429, "over quota", List.of()));
                }
                return super.classify(failure);
            }
        };

        assertThat(mapper.problemFor(new UnsupportedOperationException()).status()).isEqualTo(429);
        assertThat(mapper.problemFor(new EntityNotFoundException("Order 'o-1' does not exist")).status()).isEqualTo(404);
    }
}
