package io.sourceflow.jms;

import io.sourceflow.MessageFormatException;
import io.sourceflow.spi.SafeText;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link Constraints} by the application's {@link Validator}; loaded only when Jakarta Validation is present. */
final class BeanValidation implements Constraints {

    private final Validator validator;

    private BeanValidation(Validator validator) {
        this.validator = validator;
    }

    /** The check by the validator bean, or null when there is none. */
    static Constraints of(Instance<Object> beans) {
        Instance<Validator> validators = beans.select(Validator.class);
        return validators.isResolvable() ? new BeanValidation(validators.get()) : null;
    }

    @Override
    public void check(EnvelopeCodec.Head head, Object command) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            String named = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; "));
            throw new MessageFormatException(head.describe() + " breaks the constraints of " + command.getClass().getName()
                    + ": " + SafeText.forLog(named));
        }
    }
}
