/**
 * What the distributed topologies add to the sample, none of it needed to use SourceFlow's API:
 * the message-driven beans that hand the command queue and the event topic to
 * {@link io.sourceflow.jms.JmsInbound}, the retention timer, the dead-letter and command-status
 * endpoints, and {@link io.sourceflow.sample.topology.AccountSagaSwitch}, which leaves the account
 * saga out on a server that only serves the API and views (the two-server role {@code views}). The
 * single-server default uses the command MDB only for commands another application routes to it
 * and for re-driven dead letters. The sample's use of the API itself is in
 * {@link io.sourceflow.sample.account} and {@link io.sourceflow.sample.rest}.
 */
package io.sourceflow.sample.topology;
