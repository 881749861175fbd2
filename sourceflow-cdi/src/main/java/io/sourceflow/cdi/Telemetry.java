package io.sourceflow.cdi;

import io.sourceflow.Envelope;

/**
 * Traces and counts the steps of the pipeline. {@link #NONE} does nothing and allocates nothing;
 * {@link OpenTelemetryTelemetry} reports through the OpenTelemetry API.
 */
interface Telemetry {

    String PUBLISH = "sourceflow.command.publish";
    String APPEND = "sourceflow.command.append";
    String HANDLE = "sourceflow.command.handle";
    String REPLAY = "sourceflow.command.replay";
    String ENQUEUE = "sourceflow.event.enqueue";
    String PROJECT = "sourceflow.event.project";

    /** Telemetry that does nothing. */
    Telemetry NONE = (operation, envelope) -> Step.NONE;

    /**
     * Starts a step; the caller ends it in a {@code finally} block.
     *
     * @param operation one of the span names above
     * @param envelope the message concerned
     * @return the running step
     */
    Step begin(String operation, Envelope<?> envelope);

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
