package io.sourceflow.batch;

/** Loads the entity class a job parameter names, with the application's class loader. */
final class EntityClasses {

    private EntityClasses() {
    }

    static Class<?> load(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The job parameter '" + ReplayJob.ENTITY_TYPE + "' is required: the class"
                    + " name of the entity type to replay");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name.strip(), false, loader != null ? loader : EntityClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("The job parameter '" + ReplayJob.ENTITY_TYPE + "' names no class of the"
                    + " application: '" + name.strip() + "'", e);
        }
    }
}
