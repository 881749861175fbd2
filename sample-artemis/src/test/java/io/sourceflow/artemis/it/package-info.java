/**
 * Integration tests of the sample on a standalone Artemis broker: commands from the broker's queue
 * handled by several MDB sessions, each account's commands in order; the REST API while the broker
 * is down and after it is back.
 */
package io.sourceflow.artemis.it;
