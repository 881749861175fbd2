package io.sourceflow.benchmarks.baseline;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The baseline: takes the same SourceFlow envelopes (bank.CreateAccount, bank.DepositMoney) from its
 * own queue and makes the writes SourceFlow's handling makes, with plain JDBC in one local database
 * transaction, committed before the container acknowledges the message, as the sample's MDB does
 * ({@code NOT_SUPPORTED}): the inbox row (a redelivered message is skipped), the account locked and
 * read, the log row, the account's new state, the view row and the command's status (SourceFlow records
 * it by default). Tables: see the package documentation.
 */
@MessageDriven(name = "BaselineListener", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/bench/baseline"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BaselineListener implements MessageListener {

    @Resource(lookup = "jdbc/sourceflow")
    DataSource dataSource;

    @Override
    public void onMessage(Message message) {
        try (JsonReader reader = Json.createReader(new StringReader(((TextMessage) message).getText()))) {
            JsonObject envelope = reader.readObject();
            JsonObject metadata = envelope.getJsonObject("metadata");
            JsonObject payload = envelope.getJsonObject("payload");
            String id = payload.getJsonObject("entity").getString("id");
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    String messageId = metadata.getString("messageId");
                    if (firstDelivery(connection, messageId)) {
                        long sequenceNo = apply(connection, id, envelope.getString("type"), payload, envelope.toString());
                        update(connection, "INSERT INTO bench_status (message_id, state, sequence_no, recorded_on)"
                                + " VALUES (?, 'APPLIED', ?, now()) ON CONFLICT (message_id) DO UPDATE SET state = EXCLUDED.state,"
                                + " sequence_no = EXCLUDED.sequence_no, recorded_on = EXCLUDED.recorded_on", messageId, sequenceNo);
                    }
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback);
                    }
                    throw e;
                }
            }
        } catch (JMSException | SQLException e) {
            throw new IllegalStateException("baseline: cannot apply message", e);
        }
    }

    private static boolean firstDelivery(Connection connection, String messageId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO bench_inbox (message_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, messageId);
            return insert.executeUpdate() == 1;
        }
    }

    private static long apply(Connection connection, String id, String type, JsonObject payload, String body) throws SQLException {
        long sequenceNo;
        BigDecimal balance;
        int transactions;
        if (type.equals("bank.CreateAccount")) {
            sequenceNo = 1;
            balance = payload.getJsonNumber("initialAmount").bigDecimalValue();
            transactions = 0;
            update(connection, "INSERT INTO bench_account (id, name, balance, sequence_no) VALUES (?, ?, ?, ?)",
                    id, payload.getString("accountName"), balance, sequenceNo);
            update(connection, "INSERT INTO bench_view (id, balance, sequence_no, transaction_count) VALUES (?, ?, ?, ?)",
                    id, balance, sequenceNo, transactions);
        } else {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT balance, sequence_no FROM bench_account WHERE id = ? FOR UPDATE")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("baseline: no account " + id);
                    }
                    balance = row.getBigDecimal(1).add(payload.getJsonNumber("amount").bigDecimalValue());
                    sequenceNo = row.getLong(2) + 1;
                }
            }
            update(connection, "UPDATE bench_account SET balance = ?, sequence_no = ? WHERE id = ?", balance, sequenceNo, id);
            update(connection, "UPDATE bench_view SET balance = ?, sequence_no = ?, transaction_count = transaction_count + 1"
                    + " WHERE id = ?", balance, sequenceNo, id);
        }
        update(connection, "INSERT INTO bench_log (entity_id, sequence_no, type_alias, body) VALUES (?, ?, ?, ?)",
                id, sequenceNo, type, body);
        return sequenceNo;
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
