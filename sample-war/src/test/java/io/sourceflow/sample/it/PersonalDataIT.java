package io.sourceflow.sample.it;

import static io.sourceflow.sample.it.AccountApiIT.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.sample.it.SampleServer.Reply;
import io.sourceflow.sample.tokens.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The holder's e-mail address is personal data (crypto-shredding): readable in the history while the account is
 * known, {@code null} once an operator forgets the account's personal data, with the account, its deposits and its
 * replay working on; and, where the test can read the server's database ({@code sample.jdbc.url}), in no cell of
 * any table in plain text.
 */
class PersonalDataIT {

    private static final String ACCOUNTS = "/api/accounts";

    @BeforeAll
    static void serverIsReady() {
        SampleServer.awaitReady();
    }

    @Test
    void forgettingAnAccountsPersonalDataNullsTheHoldersEmailAndTheAccountGoesOn() {
        String id = newId();
        String email = id + "@example.org";
        assertThat(SampleServer.post(ACCOUNTS, open(id, email)).status()).isEqualTo(201);
        assertThat(firstCommand(id).getString("holderEmail")).isEqualTo(email);

        String holder = Tokens.ofBuild().bearer("alice", Tokens.HOLDER);
        assertThat(forget(id, holder).status()).as("a holder may not forget").isEqualTo(403);
        assertThat(forget(id, "").status()).as("an operator may").isEqualTo(204);

        JsonObject forgotten = firstCommand(id);
        assertThat(forgotten.get("holderEmail")).as("the e-mail once forgotten").isNull();
        assertThat(forgotten.getString("accountName")).isEqualTo("Erin");
        Reply deposit = SampleServer.post(ACCOUNTS + "/" + id + "/deposits", "{\"amount\": 5}");
        assertThat(deposit.status()).isEqualTo(200);
        assertThat(deposit.object().getJsonNumber("currentBalance").intValue()).isEqualTo(15);
        Reply replay = SampleServer.post(ACCOUNTS + "/" + id + "/replay", "");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.object().getJsonNumber("replayed").intValue()).isEqualTo(2);
        assertThat(forget(id, "").status()).as("forgetting again").isEqualTo(204);
        assertThat(forget("missing-" + id, "").status()).isEqualTo(404);
    }

    @Test
    @EnabledIfSystemProperty(named = "sample.jdbc.url", matches = ".+")
    void theHoldersEmailIsInNoTableOfTheServersDatabase() throws SQLException {
        String id = newId();
        String email = id + "@example.org";
        assertThat(SampleServer.post(ACCOUNTS, open(id, email)).status()).isEqualTo(201);
        assertThat(SampleServer.post(ACCOUNTS + "/" + id + "/deposits", "{\"amount\": 5}").status()).isEqualTo(200);

        assertThat(tablesHolding(id)).as("the rows of the account (the scan sees them)").contains("sourceflow_command");
        assertThat(tablesHolding(email)).as("tables holding the e-mail in plain text").isEmpty();
    }

    private static String open(String id, String email) {
        return "{\"id\": \"" + id + "\", \"accountName\": \"Erin\", \"initialAmount\": 10, \"holderEmail\": \"" + email + "\"}";
    }

    private static JsonObject firstCommand(String id) {
        Reply history = SampleServer.get(ACCOUNTS + "/" + id + "/history?max=1");
        assertThat(history.status()).isEqualTo(200);
        return history.array().get(0).asJsonObject().getJsonObject("payload");
    }

    private static Reply forget(String id, String authorization) {
        HttpRequest.Builder delete = HttpRequest.newBuilder(SampleServer.base().resolve(ACCOUNTS + "/" + id + "/personal-data"))
                .DELETE();
        return SampleServer.send(delete, authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization));
    }

    /** The tables of the database's current schema with a row whose text contains the given text (PostgreSQL). */
    private static List<String> tablesHolding(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(System.getProperty("sample.jdbc.url"),
                System.getProperty("sample.jdbc.user"), System.getProperty("sample.jdbc.password", ""))) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM \"" + table + "\" t WHERE t::text LIKE ? LIMIT 1")) {
                    s.setString(1, "%" + text + "%");
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            found.add(table);
                        }
                    }
                }
            }
        }
        return found;
    }
}
