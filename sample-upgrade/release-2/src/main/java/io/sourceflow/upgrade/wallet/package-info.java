/**
 * The upgrade application's second release, which reads everything the first wrote: a deposit
 * names its channel (revision 2, "branch" for older ones), the event is renamed
 * {@code wallet.Credited} and carries the balance in units, the view splits the holder's name, and
 * the wallet keeps its balance in units instead of cents. Each change has its upcaster here.
 */
package io.sourceflow.upgrade.wallet;
