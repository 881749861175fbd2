/** The replay job in the sample on Liberty and PostgreSQL, through a crash of the server. */
package io.sourceflow.batch.it;
