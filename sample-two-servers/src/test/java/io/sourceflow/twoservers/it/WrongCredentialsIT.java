package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.twoservers.it.Http.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A third server, C, configured as B but with a wrong messaging password: A's engine refuses its connections. C
 * starts and answers, a command posted to it is refused with 503 and a safe problem, nothing of it reaches A, and
 * C's log says why, naming the user A did not authenticate.
 */
class WrongCredentialsIT {

    private static final String WRONG = "not-the-messaging-password";

    @BeforeAll
    static void startC() throws Exception {
        Servers.awaitReady();
        Servers.startCopyOfB("sample-c", Integer.getInteger("two.c.http.port", 19230), WRONG);
    }

    @AfterAll
    static void stopC() throws Exception {
        Servers.stop("sample-c");
    }

    @Test
    void aServerWithAWrongPasswordIsRefusedByTheEngineAndSaysWhy() throws IOException {
        // when: a command posted to C
        String id = Accounts.newId("refused");
        Reply reply = Http.postJson(Servers.c("/api/accounts"),
                "{\"id\":\"" + id + "\",\"accountName\":\"Rita Refused\",\"initialAmount\":10}");

        // then: refused, without the engine's text; nothing reached A
        assertThat(reply.status()).as("%s", reply).isEqualTo(503);
        assertThat(reply.body()).doesNotContain("CWWKM", "CWSI", "authenticated", WRONG);
        assertThat(Databases.logOnA(id)).isEmpty();
        // and C's log names the reason: the engine did not authenticate the user (its event listener too)
        Path log = Servers.log("sample-c");
        await("C's log names the refusal").atMost(Duration.ofMinutes(1))
                .until(() -> Files.readAllLines(log).stream().anyMatch(line -> line.contains("CWSIV0782W")));
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anyMatch(line -> line.contains("CWSIV0782W") && line.contains("CWWKM3009E")
                && line.contains("sourceflow"));
        assertThat(String.join("\n", lines)).doesNotContain(WRONG);
    }
}
