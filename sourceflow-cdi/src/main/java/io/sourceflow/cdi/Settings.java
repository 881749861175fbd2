package io.sourceflow.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * SourceFlow's settings, read from the application's MicroProfile Config bean when it has one, the
 * defaults otherwise. Looked up by name, with no injection point of the Config type: a server without
 * MicroProfile Config (a Liberty without {@code mpConfig}) runs SourceFlow on its defaults instead of
 * failing to load the runtime.
 */
final class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    private static final String CONFIG = "org.eclipse.microprofile.config.Config";

    private final Object config;

    Settings(BeanManager beanManager) {
        this.config = find(beanManager);
    }

    /** The setting, or the fallback when it is not set or there is no MicroProfile Config. */
    <T> T get(String key, Class<T> type, T fallback) {
        return config == null ? fallback : MicroProfile.read(config, key, type).orElse(fallback);
    }

    @SuppressWarnings("unchecked")
    private static Object find(BeanManager beanManager) {
        Class<Object> type;
        try {
            type = (Class<Object>) Class.forName(CONFIG, false, Settings.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
        Instance<Object> configs = beanManager.createInstance().select(type);
        if (!configs.isResolvable()) {
            LOG.config(() -> "SourceFlow: the MicroProfile Config API is visible but no Config bean resolves;"
                    + " SourceFlow's settings keep their defaults");
            return null;
        }
        return configs.get();
    }

    /** Loaded only when the API is there. */
    private static final class MicroProfile {
        static <T> Optional<T> read(Object config, String key, Class<T> type) {
            return ((Config) config).getOptionalValue(key, type);
        }
    }
}
