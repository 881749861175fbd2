package io.sourceflow.sample.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into an {@code application/problem+json} response: recognised ones with
 * their message (see {@link Problem#classify}), anything else as a 500 whose detail is a reference
 * to the server log entry. No stack trace ever reaches the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = Problem.classify(failure).orElseGet(() -> internal(failure));
        if (problem.type().equals(Problem.Kind.OUTCOME_UNKNOWN.type())) {
            LOG.log(Level.WARNING, "A request's transaction ended in doubt; the transaction manager completes it by"
                    + " recovery", failure);
        } else if (problem.status() < 500 && LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "Request failed with " + problem.status() + ": " + problem.detail(), failure);
        }
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson(uriInfo.getRequestUri().getPath()).toString())
                .build();
    }

    private static Problem internal(Throwable failure) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, failure);
        return Problem.of(Problem.Kind.INTERNAL, "The request failed unexpectedly; reference " + reference
                + " in the server log");
    }
}
