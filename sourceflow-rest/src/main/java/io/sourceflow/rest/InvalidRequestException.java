package io.sourceflow.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A request body broke its Bean Validation constraints; {@link ProblemDetailsMapper} answers 400
 * listing the fields. Deliberately not a {@code ConstraintViolationException}: a JAX-RS
 * implementation answers those of {@code @Valid} itself, in its own format, so a resource that wants
 * problem details validates the body itself and throws this:
 *
 * <pre>{@code
 * Set<ConstraintViolation<Object>> violations = validator.validate(body);
 * if (!violations.isEmpty()) {
 *     throw InvalidRequestException.of(violations);
 * }
 * }</pre>
 */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    /**
     * @param violations what is wrong, one {@code field: message} per entry
     */
    public InvalidRequestException(List<String> violations) {
        super("The request is invalid: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /**
     * From Bean Validation's result.
     *
     * @param violations the violations, not empty
     * @return the exception, fields in alphabetical order
     */
    public static InvalidRequestException of(Set<? extends ConstraintViolation<?>> violations) {
        return new InvalidRequestException(violations.stream()
                .map(v -> field(v.getPropertyPath()) + ": " + v.getMessage())
                .sorted(Comparator.naturalOrder())
                .toList());
    }

    /** @return what is wrong, one {@code field: message} per entry */
    public List<String> violations() {
        return violations;
    }

    /** The last named node of a property path: the field that failed. */
    private static String field(Path path) {
        String name = "request";
        for (Path.Node node : path) {
            if (node.getName() != null && !node.getName().startsWith("arg")) {
                name = node.getName();
            }
        }
        return name;
    }
}
