package io.sourceflow.jpa;

import jakarta.interceptor.Interceptor;

/** Constants shared by the JPA beans. */
public final class JpaStores {

    /**
     * The priority of the JPA stores and serializer as enabled alternatives: above the in-memory
     * defaults (which are not alternatives), below {@code Interceptor.Priority.APPLICATION}, so
     * that an application's own alternative wins.
     */
    public static final int PRIORITY = Interceptor.Priority.LIBRARY_BEFORE + 100;

    private JpaStores() {
    }
}
