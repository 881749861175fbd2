package io.sourceflow.sample.rest;

import io.sourceflow.ConcurrencyException;
import io.sourceflow.EntityExistsException;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.InvalidEntityIdException;
import io.sourceflow.jms.TransportException;
import io.sourceflow.sample.account.BusinessRuleException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
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
import java.util.Objects;

/**
 * An RFC 9457 problem detail, and how a failure becomes one. Only the message of a failure we
 * recognise reaches the client; anything else is a 500 whose detail names a log reference.
 *
 * @param type a URN naming the kind of problem
 * @param title a short, fixed summary of the kind
 * @param status the HTTP status
 * @param detail what happened in this case
 * @param violations the invalid fields, for a validation problem; empty otherwise
 */
public record Problem(String type, String title, int status, String detail, List<String> violations) {

    /** The media type of problem responses. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** SQLState of a unique-key violation (Derby, PostgreSQL, H2). */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Validates the components.
     *
     * @throws NullPointerException when a component is null
     */
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        violations = List.copyOf(violations);
    }

    /**
     * A problem without violations.
     *
     * @param kind the kind
     * @param detail what happened
     * @return the problem
     */
    public static Problem of(Kind kind, String detail) {
        return new Problem(kind.type(), kind.title, kind.status, detail, List.of());
    }

    /**
     * Classifies a failure by the first recognised exception in its cause chain.
     *
     * @param failure what was thrown
     * @return the problem, or empty when the failure is not one the API explains to clients
     */
    public static java.util.Optional<Problem> classify(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            Problem problem = recognise(t);
            if (problem != null) {
                return java.util.Optional.of(problem);
            }
        }
        java.util.Optional<Problem> outcome = transactionOutcome(failure);
        if (outcome.isPresent()) {
            return outcome;
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return java.util.Optional.of(new Problem(Kind.HTTP.type(), status.getReasonPhrase(), status.getStatusCode(),
                    web.getMessage() == null ? status.getReasonPhrase() : web.getMessage(), List.of()));
        }
        return java.util.Optional.empty();
    }

    /**
     * A commit that failed without a cause the API recognises (the broker went away while the
     * request's transaction committed): rolled back means nothing was done; heuristic mixed means
     * the command may have been sent or not, which the client must find out before it retries.
     */
    private static java.util.Optional<Problem> transactionOutcome(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof HeuristicMixedException) {
                return java.util.Optional.of(of(Kind.OUTCOME_UNKNOWN, "The transaction of the request ended in doubt:"
                        + " the command may have been taken or not; read the account before you retry"));
            }
            if (t instanceof RollbackException || t instanceof HeuristicRollbackException) {
                return java.util.Optional.of(of(Kind.UNAVAILABLE, "The transaction of the request could not commit and was"
                        + " rolled back; nothing was done, retry later"));
            }
        }
        return java.util.Optional.empty();
    }

    private static Problem recognise(Throwable t) {
        if (t instanceof InvalidRequestException invalid) {
            return new Problem(Kind.INVALID.type(), Kind.INVALID.title, Kind.INVALID.status, invalid.getMessage(),
                    invalid.violations());
        }
        if (t instanceof ConstraintViolationException invalid) {
            InvalidRequestException converted = InvalidRequestException.of(invalid.getConstraintViolations());
            return new Problem(Kind.INVALID.type(), Kind.INVALID.title, Kind.INVALID.status, converted.getMessage(),
                    converted.violations());
        }
        if (t instanceof InvalidEntityIdException invalidId) {
            return of(Kind.INVALID, invalidId.getMessage());
        }
        if (t instanceof BusinessRuleException) {
            return of(Kind.BUSINESS_RULE, t.getMessage());
        }
        if (t instanceof EntityNotFoundException) {
            return of(Kind.NOT_FOUND, t.getMessage());
        }
        if (t instanceof ConcurrencyException || t instanceof OptimisticLockException) {
            return of(Kind.CONFLICT, "Another request changed the account first; retry: " + t.getMessage());
        }
        if (t instanceof EntityExistsException || t instanceof jakarta.persistence.EntityExistsException) {
            return of(Kind.CONFLICT, t.getMessage());
        }
        if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
            return of(Kind.CONFLICT, "Another request changed the account first; retry");
        }
        if (t instanceof RedriveRefusedException) {
            return of(Kind.CONFLICT, t.getMessage());
        }
        if (t instanceof TransportException || t instanceof JMSRuntimeException || t instanceof JMSException) {
            return of(Kind.UNAVAILABLE, "The messaging system could not take the command; nothing was done, retry later: "
                    + t.getMessage());
        }
        if (t instanceof JsonbException || t instanceof JsonException) {
            return of(Kind.MALFORMED, "The request body is not valid JSON for this resource: " + t.getMessage());
        }
        return null;
    }

    /**
     * The JSON form.
     *
     * @param instance the request path the problem occurred at
     * @return the problem as a JSON object
     */
    public JsonObject toJson(String instance) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("instance", instance);
        if (!violations.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            violations.forEach(array::add);
            json.add("violations", array);
        }
        return json.build();
    }

    /** The kinds of problem the API reports. */
    public enum Kind {
        /** Malformed JSON. */
        MALFORMED("malformed-request", "Malformed request body", 400),
        /** Bean Validation failed. */
        INVALID("invalid-request", "Invalid request", 400),
        /** No such account. */
        NOT_FOUND("not-found", "Not found", 404),
        /** A concurrent change won, the account already exists, or a dead letter was re-driven before. */
        CONFLICT("conflict", "Conflict", 409),
        /** A business rule rejected the command. */
        BUSINESS_RULE("business-rule", "Business rule violated", 422),
        /** Any other HTTP error (unknown path, method, media type). */
        HTTP("http", "HTTP error", 400),
        /** The messaging system is unreachable, or the request's transaction rolled back at commit: nothing done. */
        UNAVAILABLE("unavailable", "Service unavailable", 503),
        /** The request's transaction ended in doubt (heuristic outcome): the command may have been taken. */
        OUTCOME_UNKNOWN("outcome-unknown", "Outcome unknown", 500),
        /** An unexpected failure; details are in the server log only. */
        INTERNAL("internal", "Internal error", 500);

        private final String slug;
        private final String title;
        private final int status;

        Kind(String slug, String title, int status) {
            this.slug = slug;
            this.title = title;
            this.status = status;
        }

        /** @return the problem type URN */
        public String type() {
            return "urn:sourceflow:sample:problem:" + slug;
        }

        /** @return the HTTP status */
        public int status() {
            return status;
        }
    }
}
