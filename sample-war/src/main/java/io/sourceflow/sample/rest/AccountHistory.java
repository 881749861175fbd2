package io.sourceflow.sample.rest;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.MessageTypes;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;

/** Reads an account's command log, as the API shows it. */
@ApplicationScoped
public class AccountHistory {

    @Inject
    CommandStore log;

    @Inject
    MessageTypes types;

    private final Jsonb jsonb = JsonbBuilder.create();

    /**
     * An account's logged commands, in sequence order.
     *
     * @param accountId the account
     * @return its history, empty when it has none
     */
    public List<HistoryEntry> of(String accountId) {
        return of(accountId, 0, Integer.MAX_VALUE);
    }

    /**
     * A page of an account's logged commands, in sequence order.
     *
     * @param accountId the account
     * @param afterSequenceNo the commands numbered above this one; 0 from the first
     * @param max the most to return
     * @return the page, empty past the end or when the account has no history
     */
    public List<HistoryEntry> of(String accountId, long afterSequenceNo, int max) {
        try (Stream<Envelope<Command>> commands = log.load(accountId, afterSequenceNo)) {
            return commands.limit(max).map(this::entry).toList();
        }
    }

    private HistoryEntry entry(Envelope<Command> logged) {
        JsonObject payload;
        try (JsonReader reader = Json.createReader(new StringReader(jsonb.toJson(logged.message())))) {
            payload = reader.readObject();
        }
        return new HistoryEntry(logged.metadata().sequenceNo(), types.aliasOf(logged.message().getClass()), payload,
                logged.metadata().occurredOn(), logged.metadata().messageId());
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot close JSON-B", e);
        }
    }
}
