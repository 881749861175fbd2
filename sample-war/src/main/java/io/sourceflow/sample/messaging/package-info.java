/**
 * The sample's message-driven beans: they hand each JMS message of the command queue and the event
 * topic to {@link io.sourceflow.jms.JmsInbound}, in the container's transaction.
 */
package io.sourceflow.sample.messaging;
