/**
 * The REST benchmark's baseline: the sample's deposit written by hand with JAX-RS and JPA, deployed
 * in the same WAR as the sample so that both endpoints are loaded in turns on one server.
 */
package io.sourceflow.benchmarks.rest;
