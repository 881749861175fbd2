package io.sourceflow.jms.support;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/** The {@link Validator} bean a Jakarta EE server provides, for Weld SE (Hibernate Validator). */
@ApplicationScoped
public class Validators {

    private final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

    /** @return the validator */
    @Produces
    @ApplicationScoped
    Validator validator() {
        return factory.getValidator();
    }

    @PreDestroy
    void close() {
        factory.close();
    }
}
