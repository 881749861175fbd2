package io.sourceflow.benchmarks.scaling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SourceFlow's wire format for the sample's commands, as another application would write it. */
final class Envelopes {

    private Envelopes() {
    }

    /** One message and its group (the account). */
    record Outgoing(String group, String body) {
    }

    static List<Outgoing> openings(List<String> ids) {
        List<Outgoing> messages = new ArrayList<>();
        for (String id : ids) {
            messages.add(new Outgoing(id, envelope("bank.CreateAccount", id, "{\"accountName\":\"Scaling\",\"entity\":{\"id\":\""
                    + id + "\",\"isNew\":true},\"initialAmount\":1000}")));
        }
        return messages;
    }

    /** {@code count} deposits, round robin over the accounts, numbered on from {@code first}. */
    static List<Outgoing> deposits(List<String> ids, int count, int first) {
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = ids.get(i % ids.size());
            int number = first + i / ids.size() + 1;
            messages.add(new Outgoing(id, envelope("bank.DepositMoney", id, "{\"amount\":" + number + ",\"entity\":{\"id\":\""
                    + id + "\",\"isNew\":false}}")));
        }
        return messages;
    }

    private static String envelope(String type, String id, String payload) {
        String messageId = UUID.randomUUID().toString();
        return "{\"kind\":\"command\",\"type\":\"" + type + "\",\"metadata\":{\"entityId\":\"" + id + "\",\"messageId\":\""
                + messageId + "\",\"correlationId\":\"" + messageId + "\",\"occurredOn\":\"" + Instant.now()
                + "\",\"origin\":\"LOCAL\",\"properties\":{},\"replay\":false,\"sequenceNo\":0},\"payload\":" + payload + "}";
    }
}
