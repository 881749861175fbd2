package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.twoservers.it.Http.Reply;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

/** Account commands sent to server B's REST API, and waiting for their effects. */
final class Accounts {

    private Accounts() {
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Opens an account through B; returns B's answer (202 with the command's message id when accepted). */
    static Reply open(String id, String name, String amount) {
        return Http.postJson(Servers.b("/api/accounts"), "{\"id\":\"" + id + "\",\"accountName\":\"" + name
                + "\",\"initialAmount\":" + amount + "}");
    }

    static Reply deposit(String id, BigDecimal amount) {
        return Http.postJson(Servers.b("/api/accounts/" + id + "/deposits"), "{\"amount\":" + amount.toPlainString() + "}");
    }

    /** Opens an account through B and waits until B's view shows it. */
    static String opened(String prefix, String amount) {
        String id = newId(prefix);
        Reply reply = open(id, "Holder " + prefix, amount);
        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        awaitView(id, 1);
        return id;
    }

    /** Waits until B's view of an account has seen the command with this sequence number. */
    static void awaitView(String id, long sequenceNo) {
        await("B's view of " + id + " at #" + sequenceNo).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> Databases.viewSequenceOnB(id) >= sequenceNo);
    }
}
