package io.sourceflow.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The name of the current caller's principal, as Jakarta Security's {@link SecurityContext} gives it, for
 * {@link CallerCommandBus}. Where the application does not see that API (Weld SE, a server without application
 * security) or no bean provides it, there is no caller: commands name none. This class is the only one that refers
 * to the API, and is loaded only once the API is known to be visible. Made once per application
 * ({@link SourceFlowRuntime#callers()}); the context is resolved then, as an application-scoped bean holding an
 * injected {@code SecurityContext} would.
 */
final class CallerNames implements Supplier<String> {

    private static final Logger LOG = Logger.getLogger(CallerNames.class.getName());
    private static final String API = "jakarta.security.enterprise.SecurityContext";

    private final SecurityContext context;

    private CallerNames(SecurityContext context) {
        this.context = context;
    }

    /**
     * The caller's name as this application can know it.
     *
     * @param beans the application's bean manager
     * @param loader the class loader that sees the application's APIs
     * @return the current caller's name, or {@code null} when none is authenticated or none can be known
     */
    static Supplier<String> of(BeanManager beans, ClassLoader loader) {
        try {
            Class.forName(API, false, loader);
        } catch (ClassNotFoundException e) {
            LOG.config(() -> "Jakarta Security is not visible (" + e.getMessage() + "): commands name no caller");
            return () -> null;
        }
        Instance<SecurityContext> contexts = beans.createInstance().select(SecurityContext.class);
        if (!contexts.isResolvable()) {
            LOG.config("No SecurityContext bean resolves: commands name no caller");
            return () -> null;
        }
        return new CallerNames(Contextual.instance(contexts, beans));
    }

    @Override
    public String get() {
        Principal principal = context.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        return name == null || name.isBlank() ? null : name;
    }
}
