/**
 * Integration tests of the sample on two Liberty servers: commands posted to B are handled and
 * logged on A, A's events update B's views; ordering, poison messages, duplicates and a crash of A.
 */
package io.sourceflow.twoservers.it;
