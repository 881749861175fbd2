package io.sourceflow.jms;

import io.sourceflow.Metadata;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Map;
import jakarta.jms.Message;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Spans and counters of the transport. {@link #NONE} does nothing; {@link OpenTelemetryJmsTelemetry}
 * reports through the OpenTelemetry API, an optional dependency: no class that names it is loaded
 * unless it is visible and the container provides an {@code OpenTelemetry} bean.
 */
interface JmsTelemetry {

    String SEND = "sourceflow.jms.send";
    String RECEIVE = "sourceflow.jms.receive";
    String DUPLICATES = "sourceflow.jms.duplicates";
    String DEAD_LETTERS = "sourceflow.jms.dead_letters";
    String IGNORED = "sourceflow.jms.ignored";
    /** Counter of deliveries past {@code max-deliveries} that failed for a transient reason (not parked). */
    String TRANSIENT_FAILURES = "sourceflow.jms.transient_failures";
    /** Counter of received commands a business rule refused. */
    String REJECTED = "sourceflow.jms.rejected";

    /** Telemetry that does nothing. */
    JmsTelemetry NONE = new JmsTelemetry() {
    };

    /** Chooses OpenTelemetry when its API is visible and the container has the bean, else {@link #NONE}. */
    static JmsTelemetry find(BeanManager beanManager) {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, JmsTelemetry.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            Logger.getLogger(JmsTelemetry.class.getName()).log(Level.FINE,
                    "No OpenTelemetry API visible; SourceFlow JMS telemetry is off", absent);
            return NONE;
        }
        return OpenTelemetryJmsTelemetry.fromContainer(beanManager);
    }

    /** Starts the span of one send; the caller ends it. */
    default Step send(String destination, String typeKey, String alias, Metadata metadata) {
        return Step.NONE;
    }

    /** Starts the span of one delivery, current until it ends, as a child of the sender's span. */
    default Step receive(Message message, String destination) {
        return Step.NONE;
    }

    /** Counts a redelivered message skipped by the inbox. */
    default void duplicate() {
    }

    /** Counts a parked message. */
    default void deadLettered() {
    }

    /** Counts a received event no local handler takes. */
    default void ignored() {
    }

    /** Counts a received command a business rule refused. */
    default void rejected() {
    }

    /** Counts a delivery past {@code max-deliveries} that failed for a transient reason and is not parked. */
    default void transientFailure() {
    }

    /** A running span. */
    interface Step {

        /** A step that does nothing. */
        Step NONE = new Step() {
        };

        /** Writes the span's trace context into the message's properties. */
        default void inject(Map<String, String> properties) {
        }

        /** Names the message on the span, once its envelope is read. */
        default void describe(String typeKey, String alias, Metadata metadata) {
        }

        /** Records a failure. */
        default void failed(Throwable error) {
        }

        /** Ends the span (and, for a receive, makes it no longer current). */
        default void end() {
        }
    }
}
