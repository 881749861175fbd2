package io.sourceflow.jpa.bank;

import java.math.BigDecimal;

/** The read model: an immutable record. */
public record AccountViewModel(String id, String accountName, BigDecimal currentBalance, int transactionCount,
        boolean closed, String closureReason) {
}
