/**
 * One answer for errors over REST: {@link io.sourceflow.rest.ProblemDetailsMapper}, an opt-in JAX-RS
 * exception mapper that answers SourceFlow's and Jakarta EE's failures with RFC 9457 problem details
 * ({@link io.sourceflow.rest.Problem}), classified by {@link io.sourceflow.rest.Problems}.
 */
package io.sourceflow.rest;
