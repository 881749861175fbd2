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
 * to the API, and is loaded only once the API is known to be visible.
 */
final class CallerNames implements Supplier<String> {

    private static final Logger LOG = Logger.getLogger(CallerNames.class.getName());
    private static final String API = "jakarta.security.enterprise.SecurityContext";

    private final Instance<SecurityContext> contexts;

    private CallerNames(Instance<SecurityContext> contexts) {
        this.contexts = contexts;
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
        return new CallerNames(beans.createInstance().select(SecurityContext.class));
    }

    @Override
    public String get() {
        if (!contexts.isResolvable()) {
            return null;
        }
        Principal principal = contexts.get().getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        return name == null || name.isBlank() ? null : name;
    }
}
