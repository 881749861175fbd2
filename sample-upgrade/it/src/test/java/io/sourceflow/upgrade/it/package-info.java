/** The upgrade tests: two releases of one application on two Liberty servers and PostgreSQL. */
package io.sourceflow.upgrade.it;
