package io.sourceflow.twoservers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.twoservers.it.Databases.Account;
import io.sourceflow.twoservers.it.Databases.Logged;
import io.sourceflow.twoservers.it.Http.Reply;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A command posted to B is handled and logged on A; A's event updates B's view. */
class CommandAcrossServersIT {

    @BeforeAll
    static void serversAreReady() {
        Servers.awaitReady();
    }

    @Test
    void commandPostedToBIsLoggedOnAAndShownByBsView() {
        // given
        String id = Accounts.newId("across");

        // when
        Reply opened = Accounts.open(id, "Jane Across", "100");
        Reply deposited = Accounts.deposit(id, new BigDecimal("25.50"));

        // then: B accepted both and names their message ids
        assertThat(opened.status()).as("%s", opened).isEqualTo(202);
        assertThat(deposited.status()).as("%s", deposited).isEqualTo(202);
        String openId = opened.json().getString("messageId");
        String depositId = deposited.json().getString("messageId");
        // A logged them, in order, under those ids
        await("A's log of " + id).atMost(Duration.ofMinutes(1)).until(() -> Databases.logOnA(id).size() == 2);
        assertThat(Databases.logOnA(id)).containsExactly(new Logged(1, "bank.CreateAccount", openId),
                new Logged(2, "bank.DepositMoney", depositId));
        // B logged nothing: a forwarded command is logged where it is handled
        assertThat(Databases.logOnB(id)).isEmpty();
        // A's entity and B's view agree
        Accounts.awaitView(id, 2);
        Account expected = new Account(id, "Jane Across", new BigDecimal("125.5"), false);
        assertThat(Databases.entityOnA(id)).contains(expected);
        assertThat(Databases.viewOnB(id)).contains(expected);
        JsonObject view = Http.get(Servers.b("/api/accounts/" + id)).json();
        assertThat(view.getJsonNumber("currentBalance").bigDecimalValue()).isEqualByComparingTo("125.50");
        assertThat(view.getJsonNumber("sequenceNo").longValue()).isEqualTo(2);
    }

    @Test
    void theCallerWhoPostedToBIsNamedInAsLog() {
        // given: a command posted to B by the tests' caller "it"
        String id = Accounts.newId("caller");
        assertThat(Accounts.open(id, "Carl Caller", "5").status()).isEqualTo(202);
        await("A's log of " + id).atMost(Duration.ofMinutes(1)).until(() -> Databases.logOnA(id).size() == 1);

        // then: A, which trusts the principal of its authenticated messaging connections, logged who sent it
        Reply history = Http.get(Servers.a("/api/accounts/" + id + "/history"));
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        assertThat(history.array()).singleElement()
                .satisfies(entry -> assertThat(entry.asJsonObject().getString("principal")).isEqualTo("it"));
    }

    @Test
    void bTellsTheCallerWhatBecameOfACommandThatAAppliedOrRejected() throws Exception {
        // given
        String id = Accounts.opened("outcome", "10");

        // when: a withdrawal A's saga refuses, then a deposit it takes
        Reply refused = Http.postJson(Servers.b("/api/accounts/" + id + "/withdrawals"), "{\"amount\":11}");
        Reply taken = Accounts.deposit(id, BigDecimal.ONE);

        // then: both accepted by B; B learns the outcome from A's status messages
        assertThat(refused.status()).as("%s", refused).isEqualTo(202);
        assertThat(taken.status()).as("%s", taken).isEqualTo(202);
        URI refusedStatus = Servers.b("/api/commands/" + refused.json().getString("messageId"));
        URI takenStatus = Servers.b("/api/commands/" + taken.json().getString("messageId"));
        await("the rejection on B").atMost(Duration.ofMinutes(1))
                .until(() -> "REJECTED".equals(Http.get(refusedStatus).json().getString("state", null)));
        await("the deposit on B").atMost(Duration.ofMinutes(1))
                .until(() -> "APPLIED".equals(Http.get(takenStatus).json().getString("state", null)));
        JsonObject rejected = Http.get(refusedStatus).json();
        // the saga reads the account from its table (balance NUMERIC(19,2)), never from the provider's cache
        assertThat(rejected.getString("problem")).isEqualTo("Account " + id + " holds 10.00, cannot withdraw 11");
        assertThat(rejected.getString("messageType")).isEqualTo("bank.WithdrawMoney");
        assertThat(rejected.getString("entityId")).isEqualTo(id);
        assertThat(Http.get(takenStatus).json().getJsonNumber("sequenceNo").longValue()).isEqualTo(2);
        // nothing parked on A, nothing logged for the refused withdrawal
        assertThat(Databases.logOnA(id)).extracting(Logged::messageId)
                .doesNotContain(refused.json().getString("messageId"));
        assertThat(Http.get(Servers.a("/api/dead-letters?entityId=" + id + "&includeRedriven=true")).array()).isEmpty();
        // a refusal is an outcome, not a server failure: A wrote no incident (FFDC) with its stack trace
        assertThat(Servers.incidentsNaming("a", id)).isEmpty();
        // an unknown id is 404, a malformed one 400
        assertThat(Http.get(Servers.b("/api/commands/" + UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(Http.get(Servers.b("/api/commands/not-a-uuid")).status()).isEqualTo(400);
    }

    @Test
    void aDuplicateDeliveryIsSkippedByAsInbox() {
        // given: an account, and a deposit command in the wire format, sent twice to A's queue
        String id = Accounts.opened("duplicate", "10");
        String messageId = UUID.randomUUID().toString();
        String envelope = "{\"kind\":\"command\",\"type\":\"bank.DepositMoney\",\"metadata\":{\"correlationId\":\""
                + messageId + "\",\"entityId\":\"" + id + "\",\"messageId\":\"" + messageId + "\",\"occurredOn\":\"" + Instant.now()
                + "\",\"origin\":\"LOCAL\",\"properties\":{},\"replay\":false,\"sequenceNo\":0},\"payload\":{\"amount\":5,"
                + "\"entity\":{\"id\":\"" + id + "\",\"isNew\":false}}}";

        // when
        Reply sent = Http.postText(Servers.a("/sourceflow-probe/probe/commands?copies=2&group=" + id), envelope);

        // then: applied once; the next command lands right after it
        assertThat(sent.status()).as("%s", sent).isEqualTo(204);
        Reply next = Accounts.deposit(id, BigDecimal.ONE);
        assertThat(next.status()).as("%s", next).isEqualTo(202);
        Accounts.awaitView(id, 3);
        List<Logged> log = Databases.logOnA(id);
        assertThat(log).extracting(Logged::messageId).containsExactly(log.get(0).messageId(), messageId,
                next.json().getString("messageId"));
        assertThat(Databases.viewOnB(id)).map(Account::balance).contains(new BigDecimal("16"));
        assertThat(Databases.entityOnA(id)).map(Account::balance).contains(new BigDecimal("16"));
    }
}
