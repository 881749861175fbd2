package io.sourceflow.batch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the replay job's parameters and properties, refusing wrong ones by name. */
final class JobProperties {

    private JobProperties() {
    }

    /** The entity classes a job parameter names (comma-separated, at least one), loaded with the application's class loader. */
    static List<Class<?>> entityClasses(String names) {
        List<Class<?>> classes = classes(names, ReplayJob.ENTITY_TYPE);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("The job parameter '" + ReplayJob.ENTITY_TYPE + "' is required: the class"
                    + " name of the entity type to replay (several separated by commas)");
        }
        return classes;
    }

    /**
     * The views a job rebuilds alone: none in mode {@value ReplayJob#FULL} (the default), those the
     * parameter {@value ReplayJob#VIEWS} names (at least one) in mode {@value ReplayJob#VIEWS_ONLY}.
     */
    static Set<Class<?>> views(String mode, String names) {
        String chosen = mode == null || mode.isBlank() ? ReplayJob.FULL : mode.strip();
        List<Class<?>> views = classes(names, ReplayJob.VIEWS);
        if (chosen.equals(ReplayJob.FULL)) {
            if (!views.isEmpty()) {
                throw new IllegalArgumentException("The job parameter '" + ReplayJob.VIEWS + "' is for mode '"
                        + ReplayJob.VIEWS_ONLY + "'; mode '" + ReplayJob.FULL + "' rebuilds the entities and every view");
            }
            return Set.of();
        }
        if (!chosen.equals(ReplayJob.VIEWS_ONLY)) {
            throw new IllegalArgumentException("The job parameter '" + ReplayJob.MODE + "' is '" + ReplayJob.FULL + "' or '"
                    + ReplayJob.VIEWS_ONLY + "', not '" + chosen + "'");
        }
        if (views.isEmpty()) {
            throw new IllegalArgumentException("Mode '" + ReplayJob.VIEWS_ONLY + "' needs the job parameter '" + ReplayJob.VIEWS
                    + "': the class names of the views to rebuild, separated by commas");
        }
        return new LinkedHashSet<>(views);
    }

    private static List<Class<?>> classes(String names, String parameter) {
        List<Class<?>> classes = new ArrayList<>();
        if (names == null) {
            return classes;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name.strip(), false, loader != null ? loader : JobProperties.class.getClassLoader());
                if (!classes.contains(type)) {
                    classes.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("The job parameter '" + parameter + "' names no class of the"
                        + " application: '" + name.strip() + "'", e);
            }
        }
        return classes;
    }

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @param value the property's text, or null or blank for {@code absent}
     * @param absent the value when none is given
     * @param name the property's name, for the message
     * @return the number
     * @throws IllegalArgumentException when it is no whole number or out of range
     */
    static int number(String value, int absent, String name, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The property '" + name + "' is a whole number, not '" + value + "'", e);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException("The property '" + name + "' is " + min + " to " + max + ", not " + number);
        }
        return number;
    }
}
