/**
 * A test probe deployed next to the sample on server A only: it puts raw messages on A's command
 * queue, as a misbehaving sender or a broker that delivers twice would.
 */
package io.sourceflow.twoservers.probe;
