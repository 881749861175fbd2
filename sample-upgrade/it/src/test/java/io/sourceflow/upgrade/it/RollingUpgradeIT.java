package io.sourceflow.upgrade.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade of the two servers from release 1 to release 2, and a replay of every wallet
 * on the upgraded command server. Release 2 changes each kind of stored or sent form: the command
 * {@code wallet.Deposit} gains a field (revision 2), the event {@code wallet.Deposited} is renamed
 * {@code wallet.Credited}, the view model splits the holder's name, and the wallet entity keeps its
 * balance in units instead of cents; its upcasters read what release 1 wrote and sent.
 *
 * <p>The views server B is upgraded first (it reads the renamed event): the events of A, still on
 * release 1, reach it upcast; its deposits of revision 2 reach A, which cannot read them yet and
 * parks them. Then A is upgraded, the parked deposits are re-driven and applied, and every wallet
 * is replayed from a log of both revisions to the balances it had.
 *
 * <p>A's database starts as the library's first release left it (schema V1, without a migration
 * history), holding wallet w-0 as release 1 wrote it then: A's first start migrates the schema, the
 * saga's entity type adopts its log, and it is continued, upgraded and replayed with the others.
 */
class RollingUpgradeIT {

    private static final List<String> HOLDERS = List.of("Ada Lovelace", "Grace Brewster Hopper", "Plato");
    private static final int WALLETS = 6;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Test
    void walletsKeepTheirBalancesThroughARollingUpgradeAndAReplay() throws Exception {
        Servers.A.awaitReady();
        Servers.B.awaitReady();

        // both on release 1: opened and credited through B (sent to A), one deposit straight on A
        for (String id : ids()) {
            assertThat(Http.post(Servers.B.uri("/api/wallets/" + id), "{\"holder\":\"" + holder(id) + "\"}").status())
                    .isEqualTo(202);
            assertThat(Http.post(Servers.B.uri("/api/wallets/" + id + "/deposits"), "{\"cents\":1000}").status()).isEqualTo(202);
            assertThat(Http.post(Servers.B.uri("/api/wallets/" + id + "/deposits"), "{\"cents\":250}").status()).isEqualTo(202);
        }
        for (String id : ids()) {
            awaitView(Servers.B, id, view -> view.getJsonNumber("balance").longValue() == 1250);
            assertThat(Http.post(Servers.A.uri("/api/wallets/" + id + "/deposits"), "{\"cents\":5}").status()).isEqualTo(200);
        }
        for (String id : ids()) {
            JsonObject view = awaitView(Servers.B, id, v -> v.getJsonNumber("balance").longValue() == 1255);
            assertThat(view.getString("holder")).isEqualTo(holder(id));
            assertThat(view.getInt("deposits")).isEqualTo(3);
        }

        // a wallet the library's first release wrote into A's database: migrated, adopted by its saga's type, continued
        Http.Reply continued = Http.post(Servers.A.uri("/api/wallets/w-0/deposits"), "{\"cents\":300}");
        assertThat(continued.status()).as(continued.body()).isEqualTo(200);
        assertThat(continued.json().getJsonNumber("sequenceNo").longValue()).isEqualTo(3);
        JsonObject firstRelease = view(Servers.A, "w-0");
        assertThat(firstRelease.getJsonNumber("balance").longValue()).isEqualTo(1000);
        assertThat(firstRelease.getInt("deposits")).isEqualTo(2);

        // B on release 2: its views of release 1 are read through the upcaster (name split, units)
        Servers.B.upgrade();
        JsonObject upcast = view(Servers.B, "w-1");
        assertThat(upcast.getString("firstName")).isEqualTo("Grace");
        assertThat(upcast.getString("lastName")).isEqualTo("Brewster Hopper");
        assertThat(upcast.getJsonNumber("balance").bigDecimalValue()).isEqualByComparingTo("12.55");
        assertThat(upcast.getString("lastChannel")).isEqualTo("branch");

        // events of revision 1 from A reach B's views of revision 2
        for (String id : ids()) {
            assertThat(Http.post(Servers.A.uri("/api/wallets/" + id + "/deposits"), "{\"cents\":100}").status()).isEqualTo(200);
        }
        for (String id : ids()) {
            JsonObject view = awaitView(Servers.B, id, v -> balance(v).compareTo(new BigDecimal("13.55")) == 0);
            assertThat(view.getInt("deposits")).isEqualTo(4);
            String fullName = (view.getString("firstName") + " " + view.getString("lastName")).strip();
            assertThat(fullName).as(id).isEqualTo(holder(id));
        }

        // deposits of revision 2 from B are parked on A, which is still on release 1; nothing applied
        for (String id : ids()) {
            assertThat(Http.post(Servers.B.uri("/api/wallets/" + id + "/deposits"), "{\"cents\":45,\"channel\":\"app\"}").status())
                    .isEqualTo(202);
        }
        List<JsonObject> parked = await("A parks the deposits of revision 2").atMost(PATIENCE)
                .until(() -> deadLetters(Servers.A), letters -> letters.size() == WALLETS);
        assertThat(parked).allSatisfy(letter -> {
            assertThat(letter.getString("type")).isEqualTo("wallet.Deposit");
            assertThat(letter.getString("error")).contains("revision 2");
        });
        assertThat(view(Servers.A, "w-1").getJsonNumber("balance").longValue()).isEqualTo(1355);
        assertThat(balance(view(Servers.B, "w-1"))).isEqualByComparingTo("13.55");

        // A on release 2: the parked deposits are re-driven and applied to wallets release 1 stored in cents
        Servers.A.upgrade();
        for (JsonObject letter : parked) {
            assertThat(Http.post(Servers.A.uri("/api/dead-letters/" + letter.getString("id") + "/redrive"), "").status())
                    .isEqualTo(200);
        }
        for (Servers server : Servers.values()) {
            for (String id : ids()) {
                JsonObject view = awaitView(server, id, v -> balance(v).compareTo(new BigDecimal("14.00")) == 0);
                assertThat(view.getInt("deposits")).as(server + " " + id).isEqualTo(5);
                assertThat(view.getString("lastChannel")).as(server + " " + id).isEqualTo("app");
            }
        }
        assertThat(deadLetters(Servers.A)).allSatisfy(letter -> assertThat(letter.getBoolean("redriven")).isTrue());
        assertThat(deadLetters(Servers.B)).isEmpty();

        // every wallet replayed on A from its log (commands of both revisions) to the same view
        JsonObject upcastFirst = view(Servers.A, "w-0");
        assertThat(upcastFirst.getString("firstName") + "|" + upcastFirst.getString("lastName")).isEqualTo("Alan|Turing");
        assertThat(balance(upcastFirst)).isEqualByComparingTo("10.00");
        for (String id : Stream.concat(Stream.of("w-0"), ids().stream()).toList()) {
            JsonObject before = view(Servers.A, id);
            JsonObject replayed = Http.post(Servers.A.uri("/api/wallets/" + id + "/replay"), "").json();
            assertThat(replayed.getInt("replayed")).as(id).isEqualTo(id.equals("w-0") ? 3 : 6);
            assertThat(replayed.getJsonObject("wallet")).as(id).isEqualTo(before);
        }
        assertThat(logOfA()).as("A's log, never rewritten: each row at the revision it was written in, all of one entity type")
                .containsExactlyInAnyOrder("upgrade.Wallet wallet.Open 1: 7", "upgrade.Wallet wallet.Deposit 1: 26",
                        "upgrade.Wallet wallet.Deposit 2: 6");
    }

    private static List<String> logOfA() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(System.getProperty("upgrade.jdbc.a"), System.getProperty("upgrade.jdbc.user"),
                System.getProperty("upgrade.jdbc.password"));
             ResultSet r = c.createStatement().executeQuery("SELECT entity_type, type_alias, type_revision, COUNT(*)"
                     + " FROM sourceflow_command GROUP BY entity_type, type_alias, type_revision")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getInt(3) + ": " + r.getLong(4));
            }
        }
        return rows;
    }

    private static List<String> ids() {
        return IntStream.rangeClosed(1, WALLETS).mapToObj(i -> "w-" + i).toList();
    }

    private static String holder(String id) {
        return HOLDERS.get(Integer.parseInt(id.substring(2)) % HOLDERS.size());
    }

    private static BigDecimal balance(JsonObject view) {
        return view.getJsonNumber("balance").bigDecimalValue();
    }

    private static JsonObject view(Servers server, String id) {
        Http.Reply reply = Http.get(server.uri("/api/wallets/" + id));
        assertThat(reply.status()).as(server + " " + id + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonObject awaitView(Servers server, String id, Predicate<JsonObject> expected) {
        return await(server + " shows " + id).atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Http.Reply reply = Http.get(server.uri("/api/wallets/" + id));
                    return reply.status() == 200 ? reply.json() : null;
                }, view -> view != null && expected.test(view));
    }

    private static List<JsonObject> deadLetters(Servers server) {
        Http.Reply reply = Http.get(server.uri("/api/dead-letters"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class);
    }
}
