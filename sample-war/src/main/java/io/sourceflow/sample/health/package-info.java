/** MicroProfile Health checks: readiness needs the database, liveness a heap that is not full. */
package io.sourceflow.sample.health;
