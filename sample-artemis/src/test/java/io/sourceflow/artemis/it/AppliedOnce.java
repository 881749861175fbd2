package io.sourceflow.artemis.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The checks of a load run over numbered deposits ({@link LoadClient}): per account a gap-free log
 * opened first; every accepted deposit applied exactly once and, per client and account, in the
 * order sent; refused ones never; unanswered ones at most once; nothing applied that no client sent;
 * each entity's balance equal to its log.
 */
final class AppliedOnce {

    private AppliedOnce() {
    }

    /**
     * Checks the logs of the accounts against what the clients sent.
     *
     * @param accounts the accounts of the run, each opened with 1000
     * @param all what the clients sent and what they were answered
     * @param idPattern a SQL LIKE pattern matching the run's accounts
     * @param sends what the broker was seen holding prepared, for the messages of a failure
     * @return the sum of every balance, and how many unanswered deposits were applied
     */
    static Totals check(List<String> accounts, LoadClient.Sent all, String idPattern, InDoubtWatch sends) {
        Map<String, List<Database.Applied>> logs = Database.applied(idPattern);
        assertThat(logs.keySet()).containsExactlyInAnyOrderElementsOf(accounts);
        BigDecimal balances = BigDecimal.ZERO;
        int unansweredApplied = 0;
        for (String id : accounts) {
            List<Database.Applied> log = logs.get(id);
            assertThat(log).extracting(Database.Applied::sequenceNo).as(id)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
            assertThat(log.get(0).typeAlias()).isEqualTo("bank.CreateAccount");
            Map<BigDecimal, Integer> times = new HashMap<>();
            Map<Integer, Integer> lastNumberOfClient = new HashMap<>();
            Map<Integer, BigDecimal> lastAmountOfClient = new HashMap<>();
            List<BigDecimal> accepted = all.accepted().getOrDefault(id, List.of());
            BigDecimal balance = new BigDecimal("1000");
            for (Database.Applied row : log.subList(1, log.size())) {
                BigDecimal amount = row.amount();
                times.merge(amount, 1, Integer::sum);
                balance = balance.add(amount);
                // per client and account, the accepted deposits in the order sent (an unanswered one may
                // come later: its commit was in doubt and was completed by recovery)
                if (accepted.stream().anyMatch(a -> a.compareTo(amount) == 0)) {
                    int client = LoadClient.clientOf(amount);
                    int number = LoadClient.numberOf(amount);
                    Integer before = lastNumberOfClient.put(client, number);
                    BigDecimal previous = lastAmountOfClient.put(client, amount);
                    assertThat(before == null || before < number).as("%s: client %d's deposit %d (%s) applied after %d (%s)", id, client,
                            number, how(all, sends, id, amount), before, previous == null ? "" : how(all, sends, id, previous)).isTrue();
                }
            }
            for (BigDecimal amount : accepted) {
                assertThat(times.getOrDefault(amount, 0)).as("%s: accepted deposit %s applied", id, amount).isEqualTo(1);
            }
            for (BigDecimal amount : all.refused().getOrDefault(id, List.of())) {
                assertThat(times.getOrDefault(amount, 0)).as("%s: refused deposit %s applied", id, amount).isZero();
            }
            for (BigDecimal amount : all.unanswered().getOrDefault(id, List.of())) {
                int applied = times.getOrDefault(amount, 0);
                assertThat(applied).as("%s: unanswered deposit %s applied", id, amount).isLessThanOrEqualTo(1);
                unansweredApplied += applied;
            }
            assertThat(times.keySet()).as(id).allMatch(amount -> all.wasSent(id, amount));
            BigDecimal logged = balance;
            assertThat(Database.balance(id)).as(id).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo(logged));
            balances = balances.add(balance);
        }
        return new Totals(balances, unansweredApplied);
    }

    private static String how(LoadClient.Sent all, InDoubtWatch sends, String account, BigDecimal amount) {
        LoadClient.Answer answer = all.answers().get(LoadClient.Sent.key(account, amount));
        return answer == null ? "no 202 recorded" : answer + "; " + sends.describe(answer.messageId());
    }

    /**
     * @param balances the sum of the accounts' balances
     * @param unansweredApplied unanswered deposits that were applied
     */
    record Totals(BigDecimal balances, int unansweredApplied) {
    }

    static int count(Map<String, List<BigDecimal>> byAccount) {
        return byAccount.values().stream().mapToInt(List::size).sum();
    }
}
