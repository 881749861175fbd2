package io.sourceflow.sample.rest;

import io.sourceflow.rest.Problem;
import io.sourceflow.rest.ProblemDetailsMapper;
import io.sourceflow.sample.topology.RedriveRefusedException;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * The API's errors as RFC 9457 problem details: SourceFlow's mapper (registered here, since it is
 * opt-in), plus the sample's one exception of its own, a refused re-drive (409).
 */
@Provider
public class SampleProblems extends ProblemDetailsMapper {

    @Override
    public Optional<Problem> classify(Throwable failure) {
        if (failure instanceof RedriveRefusedException refused) {
            return Optional.of(Problem.of(Problem.Kind.CONFLICT, refused.getMessage()));
        }
        return super.classify(failure);
    }
}
