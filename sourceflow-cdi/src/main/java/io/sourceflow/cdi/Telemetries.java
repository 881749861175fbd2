package io.sourceflow.cdi;

import io.sourceflow.spi.MessageTypes;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the telemetry: OpenTelemetry when its API is visible to the application and the container
 * provides an {@code OpenTelemetry} bean (MicroProfile Telemetry), else none. The API is an optional
 * dependency, so no class that names it is loaded unless it is there.
 */
final class Telemetries {

    static final String API_CLASS = "io.opentelemetry.api.OpenTelemetry";
    private static final Logger LOG = Logger.getLogger(Telemetries.class.getName());

    private Telemetries() {
    }

    static Telemetry find(BeanManager beanManager, MessageTypes types) {
        try {
            Class.forName(API_CLASS, false, Telemetries.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            LOG.log(Level.FINE, "No OpenTelemetry API visible; SourceFlow telemetry is off", absent);
            return Telemetry.NONE;
        }
        return OpenTelemetryTelemetry.fromContainer(beanManager, types);
    }
}
