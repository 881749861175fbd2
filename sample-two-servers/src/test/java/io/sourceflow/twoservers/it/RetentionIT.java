package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sample's {@code RetentionTimer} on a running server: server A purges every 2 s in this build
 * ({@code sourceflow.sample.purge-interval}, a system property of server A in the pom), with the default
 * retentions (inbox entries and command statuses 7 days, dead letters 30 days). Rows older than their
 * retention disappear from A's database; rows within it stay.
 */
class RetentionIT {

    @Test
    void theTimerPurgesWhatOutlivedItsRetentionAndKeepsTheRest() {
        // given: in A's database, an inbox entry, a command status and a dead letter each 40 days old,
        // and a fresh one of each
        String old = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        for (String id : new String[] {old, fresh}) {
            String when = id.equals(old) ? "now() - interval '40 days'" : "now()";
            Databases.updateOnA("INSERT INTO sourceflow_inbox (consumer, message_id, received_on) VALUES ('retention-it', ?, "
                    + when + ")", id);
            Databases.updateOnA("INSERT INTO sourceflow_command_status (message_id, state, type_alias, entity_id, sequence_no,"
                    + " problem, recorded_on) VALUES (?, 'APPLIED', 'bank.DepositMoney', 'retention-it', 1, NULL, " + when + ")", id);
            Databases.updateOnA("INSERT INTO sourceflow_dead_letter (id, message_id, destination, type_alias, entity_id, body,"
                    + " headers, error, delivery_count, first_received_on, dead_lettered_on, redriven_on, version)"
                    + " VALUES (?, ?, 'retention-it', NULL, NULL, '{}', '{}', 'retention-it', 1, NULL, " + when + ", NULL, 1)",
                    id, id);
        }

        // when: A's timer fires
        await("the old rows purged").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> Databases.countOnA("sourceflow_inbox", "message_id", old) == 0
                        && Databases.countOnA("sourceflow_command_status", "message_id", old) == 0
                        && Databases.countOnA("sourceflow_dead_letter", "id", old) == 0);

        // then: the fresh ones are still there
        assertThat(Databases.countOnA("sourceflow_inbox", "message_id", fresh)).isEqualTo(1);
        assertThat(Databases.countOnA("sourceflow_command_status", "message_id", fresh)).isEqualTo(1);
        assertThat(Databases.countOnA("sourceflow_dead_letter", "id", fresh)).isEqualTo(1);
        Databases.updateOnA("DELETE FROM sourceflow_inbox WHERE message_id = ?", fresh);
        Databases.updateOnA("DELETE FROM sourceflow_command_status WHERE message_id = ?", fresh);
        Databases.updateOnA("DELETE FROM sourceflow_dead_letter WHERE id = ?", fresh);
    }
}
