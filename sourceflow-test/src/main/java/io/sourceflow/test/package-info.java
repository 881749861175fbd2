/**
 * Testing an application's sagas, aggregates and views: {@link io.sourceflow.test.SagaFixture},
 * {@link io.sourceflow.test.AggregateFixture} and {@link io.sourceflow.test.ViewFixture} run them
 * with no container and no database (given, when, then: {@link io.sourceflow.test.Then});
 * {@link io.sourceflow.test.SourceFlowTest} runs a test class in a Weld SE container with the
 * in-memory stores, for wider tests.
 */
package io.sourceflow.test;
