/**
 * The SourceFlow bank-account sample: {@code account} holds the domain (saga, aggregate, view and
 * the JPA read model), {@code rest} the JAX-RS API and its {@code application/problem+json}
 * errors, {@code health} the MicroProfile Health checks. The sample injects SourceFlow beans and
 * contains no framework code.
 */
package io.sourceflow.sample;
