package io.sourceflow.cdi;

import io.sourceflow.Envelope;
import java.util.function.Function;

/**
 * Traces and counts the steps of the pipeline, for the tracing decorators ({@link TracingCommandBus},
 * {@link TracingCommandStore}, {@link TracingCommandDispatcher}, {@link TracingEventDispatcher}).
 * {@link OpenTelemetryTelemetry} reports through the OpenTelemetry API.
 */
interface Telemetry {

    String PUBLISH = "sourceflow.command.publish";
    String APPEND = "sourceflow.command.append";
    String HANDLE = "sourceflow.command.handle";
    String REPLAY = "sourceflow.command.replay";
    String ENQUEUE = "sourceflow.event.enqueue";
    String PROJECT = "sourceflow.event.project";

    /** Telemetry that does nothing; the runtime then adds no tracing decorators at all. */
    Telemetry NONE = new Telemetry() {
        @Override
        public Step begin(String operation, Envelope<?> envelope) {
            return Step.NONE;
        }

        @Override
        public Step beginReplay(String entityId) {
            return Step.NONE;
        }
    };

    /**
     * Starts a step; the caller ends it in a {@code finally} block.
     *
     * @param operation one of the span names above
     * @param envelope the message concerned
     * @return the running step
     */
    Step begin(String operation, Envelope<?> envelope);

    /**
     * Starts the replay of an entity's log.
     *
     * @param entityId the entity
     * @return the running step
     */
    Step beginReplay(String entityId);

    /**
     * Runs work as a step: begins it, records a failure, ends it. The one place that does so.
     *
     * @param step the step, just begun
     * @param work the work, which may record the sequence number on the step
     * @param <T> what the work returns
     * @return what the work returned
     */
    static <T> T run(Step step, Function<Step, T> work) {
        try {
            return work.apply(step);
        } catch (RuntimeException | Error e) {
            step.failed(e);
            throw e;
        } finally {
            step.end();
        }
    }

    /** A running step: a span, and the measurements taken when it ends. */
    interface Step {

        /** A step that does nothing. */
        Step NONE = new Step() {
        };

        /** Records the sequence number once it is known. */
        default void sequenceNo(long sequenceNo) {
        }

        /** Records a failure. */
        default void failed(Throwable error) {
        }

        /** Ends the step. */
        default void end() {
        }
    }
}
