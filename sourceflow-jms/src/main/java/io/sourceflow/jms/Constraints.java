package io.sourceflow.jms;

import jakarta.enterprise.inject.Instance;
import java.util.logging.Logger;

/**
 * The Bean Validation constraints of a received command, checked as a REST resource checks a
 * request ({@code @Valid}): a command that breaks them is refused with every violation named. It
 * uses the application's {@code jakarta.validation.Validator} bean, which every Jakarta EE server
 * provides; without Jakarta Validation on the class path, or without such a bean (Java SE), received
 * commands are not checked, which is logged once at level CONFIG.
 */
interface Constraints {

    /**
     * Checks a received command.
     *
     * @param head what the envelope says, for the reason
     * @param command the bound command
     * @throws io.sourceflow.MessageFormatException naming every violated constraint
     */
    void check(EnvelopeCodec.Head head, Object command);

    /**
     * The check this application can make.
     *
     * @param beans the application's beans, to find the validator in
     * @return Bean Validation's check, or one that accepts everything when there is no validator
     */
    static Constraints of(Instance<Object> beans) {
        Logger log = Logger.getLogger(Constraints.class.getName());
        boolean present;
        try {
            Class.forName("jakarta.validation.Validator", false, Constraints.class.getClassLoader());
            present = true;
        } catch (ClassNotFoundException e) {
            present = false;
        }
        Constraints check = present ? BeanValidation.of(beans) : null;
        if (check == null) {
            log.config("No jakarta.validation.Validator here: commands received over JMS are not checked against"
                    + " their Bean Validation constraints");
            return (head, command) -> { };
        }
        return check;
    }
}
