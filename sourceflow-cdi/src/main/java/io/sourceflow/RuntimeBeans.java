package io.sourceflow;

import jakarta.enterprise.inject.Instance;

/**
 * Resolves the runtime beans the base classes use, and says what to add when they are missing:
 * they come from SourceFlow's CDI extension, which a container without discovery (Weld SE with
 * {@code disableDiscovery()}, weld-junit's {@code WeldInitiator.from(classes)}) does not load.
 */
final class RuntimeBeans {

    static final String EXTENSION = "io.sourceflow.cdi.SourceFlowExtension";

    private RuntimeBeans() {
    }

    static <T> T require(Instance<T> beans, Class<T> type, Object user) {
        if (beans.isUnsatisfied()) {
            throw new IllegalStateException("SourceFlow: " + user.getClass().getName() + " needs a " + type.getSimpleName()
                    + ", which SourceFlow's CDI extension " + EXTENSION + " provides, but the extension is not"
                    + " registered. With Weld SE and discovery off, call addExtension(new SourceFlowExtension())"
                    + " on the Weld builder; in a server or with discovery on, keep sourceflow-cdi's"
                    + " META-INF/services/jakarta.enterprise.inject.spi.Extension on the class path");
        }
        return beans.get();
    }

    /** A base-class method was called on an object that no container injected and no runtime connected. */
    static <T> T connected(T collaborator, Object user) {
        if (collaborator == null) {
            throw new IllegalStateException("SourceFlow: " + user.getClass().getName() + " is not connected to a runtime:"
                    + " it was made with new. Inject it from the container, or give it to"
                    + " io.sourceflow.cdi.StandaloneRuntime (the fixtures of sourceflow-test do)");
        }
        return collaborator;
    }
}
