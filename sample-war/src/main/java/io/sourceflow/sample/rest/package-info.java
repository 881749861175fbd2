/** The JAX-RS API of the sample, JSON-B bodies validated with Bean Validation, problem+json errors. */
package io.sourceflow.sample.rest;
