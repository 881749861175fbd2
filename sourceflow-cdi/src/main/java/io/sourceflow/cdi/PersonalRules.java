package io.sourceflow.cdi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks at boot the {@link io.sourceflow.Personal} data of the types handlers take and keep (messages,
 * saga entities, view models) and of the objects they hold, so that a class whose personal data
 * could never be written fails the deployment instead of its first command: the rules of
 * {@link PersonalFields}, and a subject for every handled type with personal data of its own.
 */
final class PersonalRules {

    private PersonalRules() {
    }

    /**
     * The problems of the handlers' types.
     *
     * @param handlers the handlers found
     * @return one sentence per problem, naming the class and field
     */
    static List<String> check(Collection<HandlerMethod> handlers) {
        Set<Class<?>> handled = new LinkedHashSet<>();
        for (HandlerMethod handler : handlers) {
            handled.add(handler.messageType());
            if (handler.stateType() != null) {
                handled.add(handler.stateType());
            }
        }
        PersonalFields fields = new PersonalFields();
        Set<String> problems = new LinkedHashSet<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> type : handled) {
            PersonalFields.Model model = check(fields, type, seen, problems);
            if (model != null && !model.personal().isEmpty() && model.subject() == null) {
                problems.add(type.getName() + " has @Personal fields " + model.personal() + " but no @DataSubject naming"
                        + " whose data they are");
            }
        }
        return new ArrayList<>(problems);
    }

    private static PersonalFields.Model check(PersonalFields fields, Class<?> type, Set<Class<?>> seen, Set<String> problems) {
        if (!seen.add(type)) {
            return null;
        }
        try {
            PersonalFields.Model model = fields.of(type);
            model.nested().forEach(nested -> check(fields, nested.type(), seen, problems));
            return model;
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
