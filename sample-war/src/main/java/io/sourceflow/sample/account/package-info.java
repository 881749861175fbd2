/**
 * The bank-account domain: commands, events, the {@link io.sourceflow.sample.account.AccountSaga}
 * that handles them on a {@link io.sourceflow.sample.account.BankAccount}, the
 * {@link io.sourceflow.sample.account.AccountView} that keeps
 * {@link io.sourceflow.sample.account.AccountViewModel}s, and JPQL queries on those.
 */
package io.sourceflow.sample.account;
