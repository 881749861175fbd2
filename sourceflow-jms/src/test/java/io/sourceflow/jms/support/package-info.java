/**
 * What an application server provides, rebuilt for tests without one: Weld SE containers as
 * servers ({@link io.sourceflow.jms.support.TestServer}), Narayana as JTA, an embedded Artemis broker
 * ({@link io.sourceflow.jms.support.EmbeddedBroker}, in-VM only, NIO journal under
 * {@code target/artemis}), the server's pooled XA connection factory
 * ({@link io.sourceflow.jms.support.XaConnectionFactory}) and the MDB container
 * ({@link io.sourceflow.jms.support.TransactedConsumer}).
 *
 * <h2>How the MDB's transaction is modelled</h2>
 * An MDB with container-managed transactions ({@code REQUIRED}, the default) receives each message
 * inside a JTA transaction that the container begins before the delivery, in which the XA session of
 * the consumer is enlisted; whatever {@code onMessage} does with other enlisted resources (the
 * database, further sends) joins that transaction; the container commits when {@code onMessage}
 * returns, which acknowledges the message, and rolls back when it throws, which makes the broker
 * deliver the message again with a higher {@code JMSXDeliveryCount}. {@code TransactedConsumer}
 * does exactly this, one message per transaction, on the test's thread: {@code begin}, enlist the
 * consumer's {@code XAResource}, {@code receiveNoWait}, call the listener, then {@code commit} or
 * {@code rollback}. With the H2 database (XA) and the broker (XA) in one transaction, Narayana runs
 * two-phase commit, so a rollback really undoes both and a redelivery really happens; the
 * deliveries are synchronous and in order, so the tests need no waiting. A {@code MessageListener}
 * on the broker's threads would not model this: a plain JMS listener session cannot join a JTA
 * transaction.
 *
 * <p>PostgreSQL is not used here: beside the broker it needs real two-phase commit, which needs
 * {@code max_prepared_transactions > 0} on the server (see STACK.md); the JPA inbox and dead-letter
 * store are tested on PostgreSQL in {@code sourceflow-jpa}.
 */
package io.sourceflow.jms.support;
