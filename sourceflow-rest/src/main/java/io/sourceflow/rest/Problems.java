package io.sourceflow.rest;

import io.sourceflow.CommandRejectedException;
import io.sourceflow.ConcurrencyException;
import io.sourceflow.EntityExistsException;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.InvalidEntityIdException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a failure becomes a {@link Problem}: by the first exception in its cause chain that SourceFlow
 * or Jakarta EE gives a meaning to. Only the message of a recognised exception reaches the client.
 *
 * <table>
 * <caption>What is recognised</caption>
 * <tr><th>exception (anywhere in the cause chain)</th><th>status</th></tr>
 * <tr><td>{@link InvalidRequestException}, {@link ConstraintViolationException}, {@link InvalidEntityIdException}</td><td>400</td></tr>
 * <tr><td>{@link JsonbException}, {@link JsonException} (a body that is not valid JSON)</td><td>400</td></tr>
 * <tr><td>{@link EntityNotFoundException}</td><td>404</td></tr>
 * <tr><td>{@link EntityExistsException} (and JPA's), {@link ConcurrencyException}, {@link OptimisticLockException},
 *     an {@link SQLException} of a unique-key violation (SQLState 23505)</td><td>409</td></tr>
 * <tr><td>{@link CommandRejectedException} (a business rule)</td><td>422</td></tr>
 * <tr><td>a JMS exception (the messaging system cannot take the command)</td><td>503</td></tr>
 * <tr><td>a transaction rolled back at commit with none of the above in it</td><td>503</td></tr>
 * <tr><td>a heuristic mixed outcome (the command may have been taken)</td><td>500</td></tr>
 * <tr><td>a {@link WebApplicationException} below 500</td><td>its own</td></tr>
 * </table>
 */
public final class Problems {

    /** SQLState of a unique-key violation (Derby, PostgreSQL, H2, MariaDB). */
    private static final String UNIQUE_VIOLATION = "23505";

    private Problems() {
    }

    /**
     * Classifies a failure.
     *
     * @param failure what was thrown
     * @return the problem, or empty when the failure is none the API explains to clients
     */
    public static Optional<Problem> classify(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            Problem problem = recognise(t);
            if (problem != null) {
                return Optional.of(problem);
            }
        }
        Optional<Problem> outcome = transactionOutcome(failure);
        if (outcome.isPresent()) {
            return outcome;
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Optional.of(new Problem(Problem.Kind.HTTP.type(), status.getReasonPhrase(), status.getStatusCode(),
                    web.getMessage() == null ? status.getReasonPhrase() : web.getMessage(), List.of()));
        }
        return Optional.empty();
    }

    /**
     * A commit that failed without a cause recognised above (the broker went away while the
     * request's transaction committed): rolled back means nothing was done; heuristic mixed means
     * the command may have been sent or not, which the client must find out before it retries.
     */
    private static Optional<Problem> transactionOutcome(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof HeuristicMixedException) {
                return Optional.of(Problem.of(Problem.Kind.OUTCOME_UNKNOWN, "The transaction of the request ended in doubt:"
                        + " the command may have been taken or not; read the entity before you retry"));
            }
            if (t instanceof RollbackException || t instanceof HeuristicRollbackException) {
                return Optional.of(Problem.of(Problem.Kind.UNAVAILABLE, "The transaction of the request could not commit"
                        + " and was rolled back; nothing was done, retry later"));
            }
        }
        return Optional.empty();
    }

    private static Problem recognise(Throwable t) {
        if (t instanceof InvalidRequestException invalid) {
            return invalid(invalid);
        }
        if (t instanceof ConstraintViolationException invalid) {
            return invalid(InvalidRequestException.of(invalid.getConstraintViolations()));
        }
        if (t instanceof InvalidEntityIdException) {
            return Problem.of(Problem.Kind.INVALID, t.getMessage());
        }
        if (t instanceof CommandRejectedException) {
            return Problem.of(Problem.Kind.BUSINESS_RULE, t.getMessage());
        }
        if (t instanceof EntityNotFoundException) {
            return Problem.of(Problem.Kind.NOT_FOUND, t.getMessage());
        }
        if (t instanceof ConcurrencyException || t instanceof OptimisticLockException) {
            return Problem.of(Problem.Kind.CONFLICT, "Another request changed the entity first; retry: " + t.getMessage());
        }
        if (t instanceof EntityExistsException || t instanceof jakarta.persistence.EntityExistsException) {
            return Problem.of(Problem.Kind.CONFLICT, t.getMessage());
        }
        if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
            return Problem.of(Problem.Kind.CONFLICT, "Another request changed the entity first; retry");
        }
        if (Messaging.unavailable(t)) {
            return Problem.of(Problem.Kind.UNAVAILABLE, "The messaging system could not take the command; nothing was"
                    + " done, retry later: " + t.getMessage());
        }
        if (t instanceof JsonbException || t instanceof JsonException) {
            return Problem.of(Problem.Kind.MALFORMED, "The request body is not valid JSON for this resource: " + t.getMessage());
        }
        return null;
    }

    private static Problem invalid(InvalidRequestException invalid) {
        return new Problem(Problem.Kind.INVALID.type(), Problem.Kind.INVALID.title(), Problem.Kind.INVALID.status(),
                invalid.getMessage(), invalid.violations());
    }
}
