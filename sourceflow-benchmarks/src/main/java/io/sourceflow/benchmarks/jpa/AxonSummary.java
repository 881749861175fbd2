package io.sourceflow.benchmarks.jpa;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventHandler;

/**
 * The account's view row ({@code bank_account_summary}, the table every path of the benchmark
 * updates), kept by an Axon event handler in the command's transaction: a subscribing processor
 * runs it while the unit of work commits, on the connection the unit of work holds.
 */
public class AxonSummary {

    private static final String UPDATE = "UPDATE bank_account_summary SET balance = ?, transaction_count = transaction_count + 1,"
            + " version = version + 1 WHERE id = ?";

    private final ConnectionProvider connections;

    /**
     * A handler writing through these connections.
     *
     * @param connections the unit of work's connections
     */
    public AxonSummary(ConnectionProvider connections) {
        this.connections = connections;
    }

    /**
     * Updates the account's row.
     *
     * @param event the deposit
     * @throws SQLException when the database fails
     */
    @EventHandler
    public void on(AxonAccount.Deposited event) throws SQLException {
        try (Connection c = connections.getConnection(); PreparedStatement update = c.prepareStatement(UPDATE)) {
            if (c.getAutoCommit()) {
                throw new IllegalStateException("The view of account " + event.id()
                        + " would be updated outside the command's transaction");
            }
            update.setBigDecimal(1, BigDecimal.valueOf(event.balance()));
            update.setString(2, event.id());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("No view row for account " + event.id());
            }
        }
    }
}
