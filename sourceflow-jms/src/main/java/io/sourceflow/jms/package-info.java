/**
 * Commands and events between servers over JMS, transactionally and exactly-once in effect.
 *
 * <h2>Sending</h2>
 * {@link io.sourceflow.jms.JmsCommandDispatcher} sends the routed command types to the command
 * queue instead of the local sagas; {@link io.sourceflow.jms.JmsEventDispatcher} publishes the
 * routed event types to the event topic besides the local views and aggregates. Both send with the
 * container's connection factory inside the caller's JTA transaction (XA on Liberty and WildFly): no
 * message without the commit, no commit without the message. Messages that arrived over JMS
 * ({@code origin=REMOTE}) are never sent again; nothing is sent during a replay.
 *
 * <h2>The message</h2>
 * A text message whose body is the envelope as JSON (see {@code EnvelopeCodec}):
 * {@code {"kind":"command","type":ALIAS,"metadata":{...},"payload":{...}}}, written by the
 * application's {@link io.sourceflow.spi.Serializer} (JSON-B, from {@code sourceflow-jpa}). Its
 * properties: {@code JMSXGroupID} = the entity id (per-entity ordering where the broker honours
 * groups), {@code sourceflow_type}, {@code sourceflow_message_id}, {@code sourceflow_sender}, and
 * the W3C {@code traceparent}/{@code tracestate} of the {@code sourceflow.jms.send} span.
 *
 * <h2>Receiving</h2>
 * {@link io.sourceflow.jms.JmsInbound} is what an MDB calls, best without a container transaction
 * (the work commits in a transaction of its own, then the container acknowledges the message):
 * inbox check, local bus or event queue, and parking of poison messages after
 * {@code sourceflow.jms.max-deliveries} deliveries. {@link io.sourceflow.jms.DeadLetters} lists and
 * re-drives parked messages.
 *
 * <p>Every parameter and return value in this package is non-null unless its documentation says
 * otherwise.
 */
package io.sourceflow.jms;
