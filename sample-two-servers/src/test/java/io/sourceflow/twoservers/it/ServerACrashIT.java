package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server A is killed while clients keep posting deposits to B, then started again: every deposit B
 * accepted (202) is applied on A exactly once, in a gap-free log, and B's views catch up with A's
 * entities. While A is down, B refuses deposits with 503 (its send to A's engine fails, nothing is
 * sent); a request in flight when A dies may end in 500 (B's commit with A's engine failed): such a
 * deposit may or may not be applied, but at most once.
 */
class ServerACrashIT {

    private static final int ACCOUNTS = 5;
    private static final int CLIENTS = 4;

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitReady();
    }

    @Test
    void everyAcceptedCommandIsAppliedExactlyOnceAcrossACrashOfA() throws Exception {
        // given
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.add(Accounts.opened("crash" + i, "0"));
        }

        // when: deposits of 1 flow while A is killed and started again
        DepositClients clients = DepositClients.start(ids, CLIENTS);
        try {
            await("accepted before the crash").atMost(Duration.ofMinutes(2)).until(() -> clients.acceptedCount() >= 150);
            Servers.killA();
            await("B refuses while A is down").atMost(Duration.ofMinutes(1)).until(() -> clients.refusals().size() >= 10);
            Servers.startA();
            int afterRestart = clients.acceptedCount();
            await("accepted after the restart").atMost(Duration.ofMinutes(3))
                    .until(() -> clients.acceptedCount() >= afterRestart + 150);
        } finally {
            clients.stop();
        }

        // then: every accepted deposit is in A's log exactly once; nothing beyond what was attempted
        int appliedNotAccepted = 0;
        for (Map.Entry<String, List<String>> applied : clients.appliedOnA().entrySet()) {
            String id = applied.getKey();
            List<String> deposits = applied.getValue();
            assertThat(deposits.size()).isLessThanOrEqualTo(clients.attempted(id));
            appliedNotAccepted += deposits.size() - clients.accepted(id).size();
            assertThat(Databases.entityOnA(id).orElseThrow().balance()).isEqualByComparingTo(BigDecimal.valueOf(deposits.size()));
            Accounts.awaitView(id, deposits.size() + 1);
            assertThat(Databases.viewOnB(id)).isEqualTo(Databases.entityOnA(id));
        }
        List<Integer> refusals = clients.refusals();
        // 503: B's send to A's engine failed, nothing was sent; 500 (or no answer): the request was in flight
        // when A died and B's commit with A's engine failed, outcome unknown to B
        List<Integer> unknown = refusals.stream().filter(status -> status != 503).toList();
        assertThat(refusals).as("B's answers while A was down").contains(503);
        assertThat(unknown).as("in flight at the crash").allMatch(status -> status == 500 || status == -1);
        assertThat(appliedNotAccepted).as("applied without a 202").isLessThanOrEqualTo(unknown.size());
        ConcurrentCommandsIT.record("crash of A: " + clients.acceptedCount() + " deposits accepted by B, " + refusals.size()
                + " refused while A was down (" + unknown.size() + " of them in flight, 500), " + appliedNotAccepted
                + " applied on A without B's 202");
    }
}
