/**
 * Test keys and tokens for the sample servers (development and tests only): {@link io.sourceflow.sample.tokens.TestKeys}
 * makes the RSA key pair a build's servers verify MicroProfile JWT tokens with, {@link io.sourceflow.sample.tokens.Tokens}
 * signs tokens with its private key.
 */
package io.sourceflow.sample.tokens;
