/**
 * The upgrade application's first release: wallets that hold a holder's name and a balance in
 * cents, their commands, the event every change raises, and a view per wallet.
 */
package io.sourceflow.upgrade.wallet;
