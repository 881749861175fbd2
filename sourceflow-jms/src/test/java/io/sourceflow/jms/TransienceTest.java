package io.sourceflow.jms;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.ConcurrencyException;
import io.sourceflow.MessageFormatException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures may pass by themselves, so that a message is delivered again rather than parked. */
class TransienceTest {

    @Test
    void outagesConflictsAndTimeoutsAreTransientAnywhereInTheChain() {
        assertThat(Transience.isTransient(new RuntimeException(new SQLTransientConnectionException("lost", "08006")))).isTrue();
        assertThat(Transience.isTransient(new IllegalStateException(new SQLException("terminating connection due to"
                + " administrator command", "57P01")))).as("PostgreSQL restarting").isTrue();
        assertThat(Transience.isTransient(new SQLException("cannot connect now", "57P03"))).isTrue();
        assertThat(Transience.isTransient(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(Transience.isTransient(new SQLException("could not obtain lock", "55P03"))).isTrue();
        assertThat(Transience.isTransient(new ConcurrencyException("taken", null))).isTrue();
        assertThat(Transience.isTransient(new TransportException("broker down", null))).isTrue();
        assertThat(Transience.isTransient(new RuntimeException(new ConnectException("refused")))).isTrue();
        SQLException batch = new SQLException("batch", "HY000");
        batch.setNextException(new SQLException("connection reset", "08006"));
        assertThat(Transience.isTransient(new RuntimeException(batch))).as("in a next-exception chain").isTrue();
    }

    @Test
    void badDataAndBusinessFailuresAreNot() {
        assertThat(Transience.isTransient(new MessageFormatException("malformed"))).isFalse();
        assertThat(Transience.isTransient(new IllegalStateException("business rule"))).isFalse();
        assertThat(Transience.isTransient(new SQLIntegrityConstraintViolationException("duplicate", "23505"))).isFalse();
        assertThat(Transience.isTransient(new SQLException("syntax", "42601"))).isFalse();
    }
}
