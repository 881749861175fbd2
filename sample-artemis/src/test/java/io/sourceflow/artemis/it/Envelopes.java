package io.sourceflow.artemis.it;

import java.time.Instant;

/** SourceFlow's wire format for a command (sourceflow-jms EnvelopeCodec), built by hand as another application would. */
final class Envelopes {

    private Envelopes() {
    }

    static String create(String id, String messageId, String name, String amount) {
        return envelope("bank.CreateAccount", id, messageId, "{\"accountName\":\"" + name + "\",\"entity\":{\"id\":\"" + id
                + "\",\"isNew\":true},\"initialAmount\":" + amount + "}");
    }

    static String deposit(String id, String messageId, String amount) {
        return envelope("bank.DepositMoney", id, messageId, "{\"amount\":" + amount + ",\"entity\":{\"id\":\"" + id
                + "\",\"isNew\":false}}");
    }

    private static String envelope(String type, String id, String messageId, String payload) {
        return "{\"kind\":\"command\",\"type\":\"" + type + "\",\"metadata\":{\"entityId\":\"" + id + "\",\"messageId\":\""
                + messageId + "\",\"correlationId\":\"" + messageId + "\",\"occurredOn\":\"" + Instant.now()
                + "\",\"origin\":\"LOCAL\",\"properties\":{},\"replay\":false,\"sequenceNo\":0},\"payload\":" + payload + "}";
    }
}
