package io.sourceflow.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every failure of a JAX-RS resource with an RFC 9457 problem detail
 * ({@code application/problem+json}): the failures {@link Problems} recognises with their message
 * (not found 404, exists and concurrency 409, business rejection 422, messaging unavailable 503, ...),
 * anything else as a 500 whose detail is a reference to the server log entry. No stack trace and no
 * text of a database's, broker's or parser's exception reaches the client: such a problem names a
 * reference instead, under which the exception is logged, at {@code WARNING} for a 5xx and at
 * {@code FINE} for an expected outcome (below 500, where a client could otherwise fill the log).
 *
 * <p>Opt-in: it carries no {@code @Provider}, so the application registers it, by a subclass that
 * does (and may recognise the application's own exceptions first):
 *
 * <pre>{@code
 * @Provider
 * public class ApiProblems extends ProblemDetailsMapper {
 *     @Override
 *     protected Optional<Problem> classify(Throwable failure) {
 *         if (failure instanceof QuotaExceededException e) {
 *             return Optional.of(new Problem("urn:example:quota", "Quota exceeded", 429, e.getMessage(), List.of()));
 *         }
 *         return super.classify(failure);
 *     }
 * }
 * }</pre>
 *
 * or by returning it from {@code Application.getClasses()}.
 */
public class ProblemDetailsMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemDetailsMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = problemFor(failure);
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson(uriInfo.getRequestUri().getPath()).toString())
                .build();
    }

    /**
     * Classifies a failure. Override it to recognise the application's own exceptions, and call
     * {@code super.classify} for the rest.
     *
     * @param failure what was thrown
     * @return the problem, or empty to answer a 500 with a log reference
     */
    protected Optional<Problem> classify(Throwable failure) {
        return Problems.classify(failure);
    }

    /** The problem a failure is answered with, logged as its kind asks. */
    final Problem problemFor(Throwable failure) {
        Problem problem = classify(failure).orElseGet(() -> internal(failure));
        if (problem.type().equals(Problem.Kind.OUTCOME_UNKNOWN.type())) {
            LOG.log(Level.WARNING, "A request's transaction ended in doubt; the transaction manager completes it by"
                    + " recovery", failure);
        } else if (problem.status() >= 500 && problem.reference() != null) {
            LOG.log(Level.WARNING, "Request failed with " + problem.status() + ", reference " + problem.reference(), failure);
        } else if (problem.status() < 500 && LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "Request failed with " + problem.status() + ": " + problem.detail(), failure);
        }
        return problem;
    }

    private static Problem internal(Throwable failure) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, failure);
        return Problem.of(Problem.Kind.INTERNAL, "The request failed unexpectedly; reference " + reference
                + " in the server log");
    }
}
