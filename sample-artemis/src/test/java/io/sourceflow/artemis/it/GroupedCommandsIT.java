package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.artemis.it.Broker.Outgoing;
import io.sourceflow.artemis.it.Database.Logged;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commands another application puts on the broker's command queue, each with its account id as
 * JMSXGroupID, are handled by the command MDB sessions of the three servers at once, and each
 * account's commands in the order they were sent.
 */
class GroupedCommandsIT {

    private static final int ACCOUNTS = 20;
    private static final int DEPOSITS = 20;

    @BeforeAll
    static void serverIsReady() {
        Servers.awaitAllReady();
    }

    @Test
    void commandsOfManyAccountsAreHandledBySeveralSessionsEachAccountInOrder() {
        // given: 20 accounts, each opened and then given 20 deposits of different amounts; the
        // messages are interleaved (round robin over the accounts) and sent in one transaction
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, List<String>> sent = new LinkedHashMap<>();
        Map<String, BigDecimal> expectedBalance = new LinkedHashMap<>();
        List<Outgoing> messages = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            String id = "grp-" + run + "-" + a;
            String messageId = UUID.randomUUID().toString();
            BigDecimal initial = BigDecimal.valueOf(1000 + a);
            messages.add(new Outgoing(id, Envelopes.create(id, messageId, "Group " + a, initial.toPlainString())));
            sent.computeIfAbsent(id, k -> new ArrayList<>()).add(messageId);
            expectedBalance.put(id, initial);
        }
        for (int d = 1; d <= DEPOSITS; d++) {
            for (String id : sent.keySet()) {
                String messageId = UUID.randomUUID().toString();
                BigDecimal amount = new BigDecimal(d + "." + String.format("%02d", d));
                messages.add(new Outgoing(id, Envelopes.deposit(id, messageId, amount.toPlainString())));
                sent.get(id).add(messageId);
                expectedBalance.merge(id, amount, BigDecimal::add);
            }
        }
        long addedBefore = Broker.messagesAdded();

        // when
        long start = System.nanoTime();
        Broker.send(messages);

        // then: the broker took them all, and the server handled them all
        assertThat(Broker.messagesAdded() - addedBefore).isEqualTo(messages.size());
        await("every account's log complete").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> sent.keySet().stream().allMatch(id -> Database.log(id).size() == DEPOSITS + 1));
        Figures.record("grouped commands: " + messages.size() + " messages (" + ACCOUNTS + " accounts) sent and logged in "
                + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms with " + Servers.commandSessions()
                + " sessions on each of 3 servers");
        await("the queue drained").atMost(Duration.ofMinutes(1)).until(Broker::messageCount, count -> count == 0);

        for (Map.Entry<String, List<String>> account : sent.entrySet()) {
            String id = account.getKey();
            List<Logged> log = Database.log(id);
            // gap-free, and in the order sent (the message ids in sequence order are the sent ones)
            assertThat(log).extracting(Logged::sequenceNo).as(id)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, DEPOSITS + 1).boxed().toList());
            assertThat(log).extracting(Logged::messageId).as(id).containsExactlyElementsOf(account.getValue());
            assertThat(log.get(0).typeAlias()).isEqualTo("bank.CreateAccount");
            assertThat(log.subList(1, log.size())).extracting(Logged::typeAlias).containsOnly("bank.DepositMoney");
            // the balance is the sum of what was sent, in the entity and in the API's read model
            assertThat(Database.balance(id)).as(id)
                    .hasValueSatisfying(balance -> assertThat(balance).isEqualByComparingTo(expectedBalance.get(id)));
            // the views are fed by the event topic's shared subscription: they follow shortly
            JsonObject view = await("view of " + id).atMost(Duration.ofMinutes(1))
                    .until(() -> Http.get(Http.server("/api/accounts/" + id)).json(),
                            json -> json.containsKey("sequenceNo") && json.getJsonNumber("sequenceNo").longValue() == DEPOSITS + 1);
            assertThat(view.getJsonNumber("currentBalance").bigDecimalValue()).as(id)
                    .isEqualByComparingTo(expectedBalance.get(id));
            assertThat(view.getJsonNumber("sequenceNo").longValue()).as(id).isEqualTo(DEPOSITS + 1);
            assertThat(view.getInt("transactionCount")).as(id).isEqualTo(DEPOSITS);
        }
        // the API's history shows the same order, with the amounts as sent
        String first = sent.keySet().iterator().next();
        JsonArray history = Http.get(Http.server("/api/accounts/" + first + "/history")).array();
        List<String> historyIds = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        for (JsonValue entry : history) {
            historyIds.add(entry.asJsonObject().getString("messageId"));
            JsonObject payload = entry.asJsonObject().getJsonObject("payload");
            if (payload.containsKey("amount")) {
                amounts.add(payload.getJsonNumber("amount").bigDecimalValue());
            }
        }
        assertThat(historyIds).containsExactlyElementsOf(sent.get(first));
        assertThat(amounts).hasSize(DEPOSITS).isSortedAccordingTo(BigDecimal::compareTo);
        assertThat(Database.deadLetters("grp-" + run)).isEmpty();

        // more than one MDB session took part: the broker pinned the accounts' groups to several consumers
        assertThat(Broker.consumerCount()).isEqualTo(3 * Servers.commandSessions());
        Map<String, String> groups = Broker.groups();
        assertThat(groups.keySet()).containsAll(sent.keySet());
        Set<String> consumers = new HashSet<>();
        sent.keySet().forEach(id -> consumers.add(groups.get(id)));
        Figures.record("grouped commands: the " + ACCOUNTS + " groups were pinned to " + consumers.size() + " consumers");
        assertThat(consumers).as("consumers the %d accounts' groups were pinned to: %s", ACCOUNTS, groups).hasSizeGreaterThan(1);
    }
}
