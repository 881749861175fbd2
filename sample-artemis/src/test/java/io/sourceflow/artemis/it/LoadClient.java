package io.sourceflow.artemis.it;

import io.sourceflow.artemis.it.Servers.Server;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One of the load's clients: sends its deposits one after another, each to the next of the three
 * servers, over the accounts in an order of its own, and numbers them per account. The amount is the
 * number plus the client's cents (client 0: .01, ..., client 7: .08), so every amount names its
 * client and number. It records what was accepted (202), refused (any other answer, or a connection
 * refused) and unanswered (the connection broke after the request was sent, or the answer says the
 * outcome is unknown: the request's commit ended in doubt when the broker went away).
 */
final class LoadClient implements Callable<LoadClient.Sent> {

    private final int client;
    private final List<String> accounts;
    private final int deposits;
    private final AtomicInteger progress;
    private final Gate gate;

    /** Where a client waits before each deposit while the load is held. */
    @FunctionalInterface
    interface Gate {
        /**
         * Returns at once, or, when the clients have sent as many deposits as the load is held at, once it is released.
         *
         * @throws InterruptedException when the client is stopped while it waits
         */
        void pass() throws InterruptedException;
    }

    LoadClient(int client, List<String> accounts, int deposits, AtomicInteger progress, Gate gate) {
        this.client = client;
        this.accounts = accounts;
        this.deposits = deposits;
        this.progress = progress;
        this.gate = gate;
    }

    static int clientOf(BigDecimal amount) {
        return amount.remainder(BigDecimal.ONE).movePointRight(2).intValueExact() - 1;
    }

    static int numberOf(BigDecimal amount) {
        return amount.intValue();
    }

    @Override
    public Sent call() {
        Sent sent = new Sent(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < deposits && !Thread.currentThread().isInterrupted(); i++) {
            try {
                gate.pass();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            String account = accounts.get((i * 37 + client * 11) % accounts.size());
            int number = numbers.merge(account, 1, Integer::sum);
            BigDecimal amount = BigDecimal.valueOf(number).add(BigDecimal.valueOf(client + 1, 2)).stripTrailingZeros();
            Server server = Server.values()[(i + client) % 3];
            try {
                Http.Reply reply = Http.postJson(server.uri("/api/accounts/" + account + "/deposits"),
                        "{\"amount\":" + amount.toPlainString() + "}");
                Map<String, List<BigDecimal>> outcome = reply.status() == 202 ? sent.accepted()
                        : reply.body().contains("outcome-unknown") ? sent.unanswered() : sent.refused();
                outcome.computeIfAbsent(account, k -> new ArrayList<>()).add(amount);
                if (reply.status() == 202) {
                    sent.answers().put(Sent.key(account, amount), new Answer(reply.json().getString("messageId"), server, Instant.now()));
                }
            } catch (UncheckedIOException e) {
                boolean neverSent = e.getCause() instanceof ConnectException || e.getCause() instanceof HttpConnectTimeoutException;
                (neverSent ? sent.refused() : sent.unanswered()).computeIfAbsent(account, k -> new ArrayList<>()).add(amount);
            }
            progress.incrementAndGet();
        }
        return sent;
    }

    /**
     * What a client sent, by account.
     *
     * @param accepted answered 202: must be applied exactly once
     * @param refused refused or never sent: must not be applied
     * @param unanswered sent without an answer: applied at most once
     * @param answers how each accepted deposit was answered, by {@link #key}
     */
    record Sent(Map<String, List<BigDecimal>> accepted, Map<String, List<BigDecimal>> refused,
            Map<String, List<BigDecimal>> unanswered, Map<String, Answer> answers) {

        static String key(String account, BigDecimal amount) {
            return account + "/" + amount.stripTrailingZeros().toPlainString();
        }

        static Sent merge(List<Sent> all) {
            Sent merged = new Sent(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (Sent one : all) {
                one.accepted().forEach((k, v) -> merged.accepted().computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                one.refused().forEach((k, v) -> merged.refused().computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                one.unanswered().forEach((k, v) -> merged.unanswered().computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                merged.answers().putAll(one.answers());
            }
            return merged;
        }

        boolean wasSent(String account, BigDecimal amount) {
            return contains(accepted, account, amount) || contains(refused, account, amount) || contains(unanswered, account, amount);
        }

        private static boolean contains(Map<String, List<BigDecimal>> byAccount, String account, BigDecimal amount) {
            return byAccount.getOrDefault(account, List.of()).stream().anyMatch(a -> a.compareTo(amount) == 0);
        }
    }

    /**
     * The 202 answer to a deposit.
     *
     * @param messageId the command's message id
     * @param server the server that accepted it
     * @param at when the client had the answer
     */
    record Answer(String messageId, Server server, Instant at) {

        @Override
        public String toString() {
            return "message " + messageId + " accepted by " + server + " at " + at;
        }
    }
}
