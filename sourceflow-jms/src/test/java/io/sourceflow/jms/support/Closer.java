package io.sourceflow.jms.support;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what a test class started, last first, even when some of it fails to close. */
public final class Closer {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /**
     * Registers a resource to close.
     *
     * @param resource the resource
     * @param <T> its type
     * @return the resource
     */
    public <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    /**
     * Closes every registered resource, last first.
     *
     * @throws Exception the first failure, with the later ones suppressed
     */
    public void closeAll() throws Exception {
        Exception failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
