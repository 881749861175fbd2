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
        Set<String> seen = new HashSet<>();
        for (Class<?> type : handled) {
            check(fields, type, false, seen, problems);
        }
        return new ArrayList<>(problems);
    }

    /**
     * Checks a type and the types it holds; one with personal fields needs a subject of its own unless an
     * enclosing object (on every path to it) names one.
     */
    private static void check(PersonalFields fields, Class<?> type, boolean subjectAbove, Set<String> seen,
            Set<String> problems) {
        if (!seen.add(type.getName() + (subjectAbove ? "/inner" : "/top"))) {
            return;
        }
        PersonalFields.Model model;
        try {
            model = fields.of(type);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return;
        }
        if (!model.personal().isEmpty() && model.subject() == null && !subjectAbove) {
            problems.add(type.getName() + " has @Personal fields " + model.personal() + " but no @DataSubject naming"
                    + " whose data they are (of its own or of an object that holds it)");
        }
        boolean subject = subjectAbove || model.subject() != null;
        model.nested().forEach(nested -> check(fields, nested.type(), subject, seen, problems));
    }
}
