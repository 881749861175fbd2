package io.sourceflow.batch;

/** Reads the replay job's parameters and properties, refusing wrong ones by name. */
final class JobProperties {

    private JobProperties() {
    }

    /** The entity class a job parameter names, loaded with the application's class loader. */
    static Class<?> entityClass(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The job parameter '" + ReplayJob.ENTITY_TYPE + "' is required: the class"
                    + " name of the entity type to replay");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name.strip(), false, loader != null ? loader : JobProperties.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("The job parameter '" + ReplayJob.ENTITY_TYPE + "' names no class of the"
                    + " application: '" + name.strip() + "'", e);
        }
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
