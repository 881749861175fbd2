package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.twoservers.it.Http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace spans both servers: B's {@code sourceflow.jms.send} span and A's
 * {@code sourceflow.jms.receive} and {@code sourceflow.command.handle} spans of the same command
 * share a trace id. Both servers print their spans to {@code messages.log} (console exporter).
 */
class TraceAcrossServersIT {

    /** The console exporter's line: 'name' : traceId spanId KIND [tracer: ...] attributes. */
    private static final Pattern SPAN = Pattern.compile("'([a-z.]+)' : ([0-9a-f]{32}) ([0-9a-f]{16}) ([A-Z]+) (.*)");

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitReady();
    }

    @Test
    void theReceivingSpansOnAAreInTheTraceOfTheSendOnB() {
        // when
        String id = Accounts.newId("trace");
        Reply opened = Accounts.open(id, "Trace Holder", "5");
        assertThat(opened.status()).as("%s", opened).isEqualTo(202);
        String messageId = opened.json().getString("messageId");
        Accounts.awaitView(id, 1);

        // then
        String[] send = new String[1];
        await("B's send span").atMost(Duration.ofSeconds(30)).until(() -> {
            send[0] = span(Servers.log("b"), "sourceflow.jms.send", "sourceflow.message.id=" + messageId).orElse(null);
            return send[0] != null;
        });
        String trace = send[0];
        await("A's receive and handle spans in trace " + trace).atMost(Duration.ofSeconds(30)).until(() ->
                span(Servers.log("a"), "sourceflow.jms.receive", "sourceflow.message.id=" + messageId).filter(trace::equals)
                        .isPresent()
                && span(Servers.log("a"), "sourceflow.command.handle", id).filter(trace::equals).isPresent());
    }

    /** The trace id of the first span with this name whose line contains the text. */
    private static Optional<String> span(Path log, String name, String text) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (String line : lines) {
                Matcher span = SPAN.matcher(line);
                if (span.find() && span.group(1).equals(name) && span.group(5).contains(text)) {
                    return Optional.of(span.group(2));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
