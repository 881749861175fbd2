package io.sourceflow.sample.rest;

import io.sourceflow.EntityRef;
import io.sourceflow.History;
import io.sourceflow.sample.account.BankAccount;
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

/** Reads an account's command log through SourceFlow's {@link History}, as the API shows it. */
@ApplicationScoped
public class AccountHistory {

    @Inject
    History history;

    private final Jsonb jsonb = JsonbBuilder.create();

    /**
     * A page of an account's logged commands, in sequence order.
     *
     * @param accountId the account
     * @param afterSequenceNo the commands numbered above this one; 0 from the first
     * @param max the most to return, at least 1
     * @return the page, empty past the end or when the account has no history
     */
    public List<HistoryEntry> of(String accountId, long afterSequenceNo, int max) {
        return history.page(BankAccount.class, EntityRef.of(accountId), afterSequenceNo, max).stream().map(this::entry).toList();
    }

    private HistoryEntry entry(History.Entry logged) {
        JsonObject payload;
        try (JsonReader reader = Json.createReader(new StringReader(jsonb.toJson(logged.command())))) {
            payload = reader.readObject();
        }
        return new HistoryEntry(logged.metadata().sequenceNo(), logged.alias(), payload, logged.metadata().occurredOn(),
                logged.metadata().messageId(), logged.metadata().principal());
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
