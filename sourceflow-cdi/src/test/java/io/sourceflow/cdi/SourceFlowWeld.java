package io.sourceflow.cdi;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

/** A Weld SE container holding the SourceFlow runtime and the given application beans. */
public final class SourceFlowWeld {

    private SourceFlowWeld() {
    }

    /** A container definition with discovery off: the extension (which adds the runtime) and these beans. */
    public static Weld weld(Class<?>... beans) {
        return WeldInitiator.createWeld()
                .addExtension(new SourceFlowExtension())
                .addBeanClasses(beans);
    }

    /** An initiator for weld-junit5 tests. */
    public static WeldInitiator initiator(Class<?>... beans) {
        return WeldInitiator.from(weld(beans)).build();
    }
}
