package io.sourceflow.spi;

import io.sourceflow.DocumentType;

/**
 * The stored name and revision of a class kept as a JSON document ({@link DocumentType}), for stores
 * and for the deployment's checks of upcasters.
 */
public final class DocumentTypes {

    /** The longest document type name, in characters (the stores' key column). */
    public static final int MAX_NAME_LENGTH = 255;

    private DocumentTypes() {
    }

    /**
     * The name a class's documents are stored under.
     *
     * @param type the class
     * @return its {@link DocumentType} name, else its fully qualified name
     * @throws IllegalArgumentException when the declared name is blank but not empty, or too long
     */
    public static String name(Class<?> type) {
        DocumentType declared = type.getAnnotation(DocumentType.class);
        if (declared == null || declared.value().isEmpty()) {
            return type.getName();
        }
        if (declared.value().isBlank() || declared.value().length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("@DocumentType on " + type.getName() + " names it with 1 to "
                    + MAX_NAME_LENGTH + " characters, not blank");
        }
        return declared.value();
    }

    /**
     * The revision of a class's JSON form.
     *
     * @param type the class
     * @return its {@link DocumentType} revision, else 1
     */
    public static int revision(Class<?> type) {
        DocumentType declared = type.getAnnotation(DocumentType.class);
        return declared == null ? 1 : declared.revision();
    }
}
