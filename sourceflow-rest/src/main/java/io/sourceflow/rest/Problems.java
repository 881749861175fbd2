package io.sourceflow.rest;

import io.sourceflow.CommandRejectedException;
import io.sourceflow.ConcurrencyException;
import io.sourceflow.EntityExistsException;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.InvalidEntityIdException;
import io.sourceflow.SourceFlowException;
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
 * or Jakarta EE gives a meaning to. Only the messages written for clients reach them: those of the
 * application's business rules and of SourceFlow's own not-found, exists and invalid-id exceptions,
 * and the fields of a validation. The text of a database's, a broker's, a parser's or a transaction
 * manager's exception never does: such a problem carries a fixed sentence and a reference
 * ({@link Problem#referenced}), under which {@link ProblemDetailsMapper} logs the exception.
 * Of the Jakarta APIs only JAX-RS and JSON-P (which writes the problem) must be on the server: the
 * others' exceptions are recognised by class name, so a server without Bean Validation, JPA, JTA,
 * JMS or JSON-B serves it too.
 *
 * <table>
 * <caption>What is recognised</caption>
 * <tr><th>exception (anywhere in the cause chain)</th><th>status</th></tr>
 * <tr><td>{@link InvalidRequestException}, {@link ConstraintViolationException}, {@link InvalidEntityIdException}</td><td>400</td></tr>
 * <tr><td>{@code JsonbException}, {@code JsonException} (a body that is not valid JSON)</td><td>400</td></tr>
 * <tr><td>{@link EntityNotFoundException}</td><td>404</td></tr>
 * <tr><td>{@link EntityExistsException} (and JPA's), {@link ConcurrencyException}, {@code OptimisticLockException},
 *     an {@link SQLException} of a unique-key violation (SQLState 23505)</td><td>409</td></tr>
 * <tr><td>{@link CommandRejectedException} (a business rule)</td><td>422</td></tr>
 * <tr><td>a JMS exception (the messaging system cannot take the command), or another transient
 *     {@link SourceFlowException} (a transport's)</td><td>503</td></tr>
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
            String title = status.getReasonPhrase() == null ? Problem.Kind.HTTP.title() : status.getReasonPhrase();
            return Optional.of(new Problem(Problem.Kind.HTTP.type(), title, status.getStatusCode(),
                    web.getMessage() == null ? title : web.getMessage(), List.of()));
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
            if (is(t, "jakarta.transaction.HeuristicMixedException")) {
                return Optional.of(Problem.of(Problem.Kind.OUTCOME_UNKNOWN, "The transaction of the request ended in doubt:"
                        + " the command may have been taken or not; read the entity before you retry"));
            }
            if (is(t, "jakarta.transaction.RollbackException") || is(t, "jakarta.transaction.HeuristicRollbackException")) {
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
        if (is(t, "jakarta.validation.ConstraintViolationException")) {
            return invalid(BeanValidation.invalid(t));
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
        if (t instanceof ConcurrencyException || is(t, "jakarta.persistence.OptimisticLockException")) {
            return Problem.referenced(Problem.Kind.CONFLICT, "Another request changed the entity first; retry");
        }
        if (t instanceof SourceFlowException transientFailure && transientFailure.isTransient()) {
            return Problem.referenced(Problem.Kind.UNAVAILABLE, "A resource the command needs is unavailable; nothing was"
                    + " done, retry later");
        }
        if (t instanceof EntityExistsException) {
            return Problem.of(Problem.Kind.CONFLICT, t.getMessage());
        }
        boolean uniqueKey = t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
        if (uniqueKey || is(t, "jakarta.persistence.EntityExistsException")) {
            return Problem.referenced(Problem.Kind.CONFLICT, "Another request changed the entity first; retry");
        }
        if (is(t, "jakarta.jms.JMSException") || is(t, "jakarta.jms.JMSRuntimeException")) {
            return Problem.referenced(Problem.Kind.UNAVAILABLE, "The messaging system could not take the command; nothing"
                    + " was done, retry later");
        }
        if (is(t, "jakarta.json.bind.JsonbException") || is(t, "jakarta.json.JsonException")) {
            return Problem.referenced(Problem.Kind.MALFORMED, "The request body is not valid JSON for this resource");
        }
        return null;
    }

    /**
     * Whether the exception is of the named class or a subclass, compared by name: the APIs besides
     * JAX-RS (Bean Validation, JPA, JTA, JMS, JSON-B) may be missing on the server (a feature not
     * enabled), and a class that is not there must not be loaded.
     */
    private static boolean is(Throwable t, String className) {
        for (Class<?> c = t.getClass(); c != Throwable.class; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static Problem invalid(InvalidRequestException invalid) {
        return new Problem(Problem.Kind.INVALID.type(), Problem.Kind.INVALID.title(), Problem.Kind.INVALID.status(),
                invalid.getMessage(), invalid.violations());
    }

    /** Loaded only for a Bean Validation exception, so only where the API is. */
    private static final class BeanValidation {
        static InvalidRequestException invalid(Throwable t) {
            return InvalidRequestException.of(((ConstraintViolationException) t).getConstraintViolations());
        }
    }
}
