package io.sourceflow.sample.it;

import static io.sourceflow.sample.it.AccountApiIT.newId;
import static io.sourceflow.sample.it.AccountApiIT.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.sample.it.SampleServer.Reply;
import io.sourceflow.sample.tokens.TestKeys;
import io.sourceflow.sample.tokens.Tokens;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may call what, on each server the sample runs on: every endpoint of the API answers 401 without a token,
 * with a token signed by another key and with an expired one, and 403 to a valid token without its role; a holder
 * and an operator each reach their own endpoints. With {@code sample.dead-letters=true} (a server with the
 * topology WAR) the dead-letter and command-status endpoints are checked too.
 */
class SecurityIT {

    private static final String ACCOUNT = "/api/accounts/security-probe";
    private static final List<Call> HOLDER_CALLS = List.of(
            new Call("POST", "/api/accounts"), new Call("GET", "/api/accounts"), new Call("GET", ACCOUNT),
            new Call("POST", ACCOUNT + "/deposits"), new Call("POST", ACCOUNT + "/withdrawals"),
            new Call("POST", ACCOUNT + "/close"), new Call("POST", ACCOUNT + "/activate"));

    @BeforeAll
    static void serverIsReady() {
        SampleServer.awaitReady();
    }

    @Test
    void everyEndpointRefusesACallerWithoutAValidToken(@TempDir Path otherKeys) throws Exception {
        TestKeys.ensure(otherKeys);
        String foreign = "Bearer " + Tokens.from(otherKeys).token("mallory", Tokens.HOLDER, Tokens.ADMIN);
        String expired = "Bearer " + Tokens.ofBuild().expired("mallory", Tokens.HOLDER, Tokens.ADMIN);
        for (Call call : everyCall()) {
            assertThat(call.send("").status()).as("no token: " + call).isEqualTo(401);
            assertThat(call.send(foreign).status()).as("another key: " + call).isEqualTo(401);
            assertThat(call.send(expired).status()).as("expired: " + call).isEqualTo(401);
            assertThat(call.send("Bearer not-a-token").status()).as("garbage: " + call).isEqualTo(401);
        }
    }

    @Test
    void aTokenWithoutTheEndpointsRoleIsForbidden() {
        String holder = Tokens.ofBuild().bearer("alice", Tokens.HOLDER);
        String admin = Tokens.ofBuild().bearer("root", Tokens.ADMIN);
        String noRole = Tokens.ofBuild().bearer("nobody");
        for (Call call : adminCalls()) {
            assertThat(call.send(holder).status()).as("holder: " + call).isEqualTo(403);
            assertThat(call.send(noRole).status()).as("no role: " + call).isEqualTo(403);
        }
        for (Call call : HOLDER_CALLS) {
            assertThat(call.send(admin).status()).as("operator: " + call).isEqualTo(403);
            assertThat(call.send(noRole).status()).as("no role: " + call).isEqualTo(403);
        }
        for (Call call : eitherRoleCalls()) {
            assertThat(call.send(noRole).status()).as("no role: " + call).isEqualTo(403);
            assertThat(call.send(holder).status()).as("holder: " + call).isEqualTo(404);
            assertThat(call.send(admin).status()).as("operator: " + call).isEqualTo(404);
        }
    }

    @Test
    void aHolderUsesAccountsAndAnOperatorReadsTheirHistoryWhichNamesTheHolder() {
        String holder = Tokens.ofBuild().bearer("alice", Tokens.HOLDER);
        String admin = Tokens.ofBuild().bearer("root", Tokens.ADMIN);
        String id = newId();

        assertThat(SampleServer.post("/api/accounts", open(id, "Alice", "10"), Map.of("Authorization", holder)).status())
                .isEqualTo(201);
        assertThat(new Call("GET", "/api/accounts/" + id).send(holder).object().getString("id")).isEqualTo(id);
        Reply history = new Call("GET", "/api/accounts/" + id + "/history").send(admin);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.array()).singleElement()
                .satisfies(entry -> assertThat(entry.asJsonObject().getString("principal")).as("who opened it").isEqualTo("alice"));
    }

    private static List<Call> adminCalls() {
        List<Call> calls = new ArrayList<>(List.of(new Call("GET", ACCOUNT + "/history"),
                new Call("POST", ACCOUNT + "/replay"), new Call("DELETE", ACCOUNT + "/personal-data"),
                new Call("GET", "/api/replay-jobs"),
                new Call("POST", "/api/replay-jobs"), new Call("GET", "/api/replay-jobs/1"),
                new Call("POST", "/api/replay-jobs/1/stop"), new Call("POST", "/api/replay-jobs/1/restart")));
        if (Boolean.getBoolean("sample.dead-letters")) {
            String letter = "/api/dead-letters/00000000-0000-0000-0000-000000000000";
            calls.addAll(List.of(new Call("GET", "/api/dead-letters"), new Call("GET", letter),
                    new Call("POST", letter + "/redrive"), new Call("DELETE", letter)));
        }
        return calls;
    }

    private static List<Call> everyCall() {
        List<Call> calls = new ArrayList<>(HOLDER_CALLS);
        calls.addAll(adminCalls());
        calls.addAll(eitherRoleCalls());
        return calls;
    }

    /** The topology's command status: a holder's and an operator's. */
    private static List<Call> eitherRoleCalls() {
        return Boolean.getBoolean("sample.dead-letters")
                ? List.of(new Call("GET", "/api/commands/00000000-0000-0000-0000-000000000000")) : List.of();
    }

    /** One endpoint: a method and a path; a POST sends an empty JSON object. */
    private record Call(String method, String path) {

        Reply send(String authorization) {
            HttpRequest.Builder request = HttpRequest.newBuilder(SampleServer.base().resolve(path));
            if (method.equals("POST")) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return SampleServer.send(request, Map.of("Authorization", authorization));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
