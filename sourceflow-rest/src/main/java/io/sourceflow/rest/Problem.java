package io.sourceflow.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An RFC 9457 problem detail: what {@link ProblemDetailsMapper} answers, as
 * {@code application/problem+json}.
 *
 * @param type a URN naming the kind of problem ({@code urn:sourceflow:problem:...} for SourceFlow's kinds)
 * @param title a short, fixed summary of the kind
 * @param status the HTTP status
 * @param detail what happened in this case
 * @param violations the invalid fields ({@code field: message}), for a validation problem; empty otherwise
 * @param reference where the server logged the failure behind the problem, when its text is not the
 *     client's to read (a database's, a broker's, a parser's); null otherwise
 */
public record Problem(String type, String title, int status, String detail, List<String> violations, String reference) {

    /** The media type of problem responses. */
    public static final String MEDIA_TYPE = "application/problem+json";

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
     * A problem without a log reference.
     *
     * @param type a URN naming the kind of problem
     * @param title a short, fixed summary of the kind
     * @param status the HTTP status
     * @param detail what happened in this case
     * @param violations the invalid fields, or empty
     */
    public Problem(String type, String title, int status, String detail, List<String> violations) {
        this(type, title, status, detail, violations, null);
    }

    /**
     * A problem of one of SourceFlow's kinds, without violations.
     *
     * @param kind the kind
     * @param detail what happened
     * @return the problem
     */
    public static Problem of(Kind kind, String detail) {
        return new Problem(kind.type(), kind.title, kind.status, detail, List.of());
    }

    /**
     * A problem of one of SourceFlow's kinds whose cause's text stays in the server log: the detail is a
     * fixed, safe sentence followed by a new reference, under which the caller logs the cause.
     *
     * @param kind the kind
     * @param detail what happened, in words that hold nothing of the cause
     * @return the problem, with its {@link #reference()}
     */
    public static Problem referenced(Kind kind, String detail) {
        String reference = UUID.randomUUID().toString();
        return new Problem(kind.type(), kind.title, kind.status, detail + " (reference " + reference + " in the server log)",
                List.of(), reference);
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
        if (reference != null) {
            json.add("reference", reference);
        }
        if (!violations.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            violations.forEach(array::add);
            json.add("violations", array);
        }
        return json.build();
    }

    /** The kinds of problem SourceFlow's mapper reports. */
    public enum Kind {
        /** Malformed JSON. */
        MALFORMED("malformed-request", "Malformed request body", 400),
        /** Bean Validation failed, or an entity id breaks the rules. */
        INVALID("invalid-request", "Invalid request", 400),
        /** No such entity. */
        NOT_FOUND("not-found", "Not found", 404),
        /** A concurrent change won, or the entity already exists. */
        CONFLICT("conflict", "Conflict", 409),
        /** A business rule rejected the command. */
        BUSINESS_RULE("business-rule", "Business rule violated", 422),
        /** Any other HTTP error below 500 (unknown path, method, media type). */
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
            return "urn:sourceflow:problem:" + slug;
        }

        /** @return the short summary */
        public String title() {
            return title;
        }

        /** @return the HTTP status */
        public int status() {
            return status;
        }
    }
}
