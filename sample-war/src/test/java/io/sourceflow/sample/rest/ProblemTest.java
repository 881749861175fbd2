package io.sourceflow.sample.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.ConcurrencyException;
import io.sourceflow.EntityExistsException;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.InvalidEntityIdException;
import io.sourceflow.sample.account.BusinessRuleException;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void businessRulesAre422WithTheirMessage() {
        Problem problem = Problem.classify(new BusinessRuleException("Account a-1 is closed")).orElseThrow();

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).isEqualTo("urn:sourceflow:sample:problem:business-rule");
        assertThat(problem.detail()).isEqualTo("Account a-1 is closed");
    }

    @Test
    void unknownEntitiesAre404() {
        assertThat(Problem.classify(new EntityNotFoundException("BankAccount 'x' does not exist")).orElseThrow().status())
                .isEqualTo(404);
    }

    @Test
    void concurrencyIs409EvenWhenWrappedByTheTransaction() {
        RuntimeException commitFailure = new RuntimeException("commit failed", wrap(new RollbackException("rolled back"),
                new PersistenceException("flush", new SQLException("duplicate key", "23505"))));
        RuntimeException stale = new RuntimeException(new OptimisticLockException("stale"));

        assertThat(Problem.classify(new ConcurrencyException("#3 taken")).orElseThrow().status()).isEqualTo(409);
        assertThat(Problem.classify(commitFailure).orElseThrow().status()).isEqualTo(409);
        assertThat(Problem.classify(stale).orElseThrow().status()).isEqualTo(409);
        assertThat(Problem.classify(new EntityExistsException("exists")).orElseThrow().status()).isEqualTo(409);
    }

    @Test
    void aCommitRolledBackWithoutARecognisedCauseIs503NothingDone() {
        RuntimeException commitFailure = new RuntimeException("commit", new RollbackException("ARJUNA016053"));

        Problem problem = Problem.classify(commitFailure).orElseThrow();

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).contains("rolled back; nothing was done").doesNotContain("ARJUNA");
    }

    @Test
    void aCommitInDoubtIs500OutcomeUnknownNotNothingDone() {
        Problem problem = Problem.classify(new HeuristicMixedException()).orElseThrow();

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo("urn:sourceflow:sample:problem:outcome-unknown");
        assertThat(problem.detail()).contains("may have been taken or not");
    }

    @Test
    void anEntityIdThatBreaksTheRulesIs400WithTheIdEscaped() {
        Problem problem = Problem.classify(new RuntimeException(new InvalidEntityIdException("The entity id 'a\\nb' contains"
                + " a control character"))).orElseThrow();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains("a\\nb").doesNotContain("\n");
    }

    @Test
    void malformedJsonIs400() {
        Problem problem = Problem.classify(new IllegalStateException("reader", new JsonbException("Unexpected EOF")))
                .orElseThrow();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains("Unexpected EOF");
    }

    @Test
    void anythingElseIsLeftToTheCaller() {
        assertThat(Problem.classify(new IllegalStateException("boom"))).isEmpty();
        assertThat(Problem.classify(new SQLException("other", "42000"))).isEmpty();
    }

    @Test
    void jsonHasTheRfc9457MembersAndTheViolations() {
        Problem problem = new Problem("urn:x", "Invalid request", 400, "bad", List.of("amount: must be positive"));

        JsonObject json = problem.toJson("/api/accounts/a-1/deposits");

        assertThat(json.getString("type")).isEqualTo("urn:x");
        assertThat(json.getString("title")).isEqualTo("Invalid request");
        assertThat(json.getInt("status")).isEqualTo(400);
        assertThat(json.getString("detail")).isEqualTo("bad");
        assertThat(json.getString("instance")).isEqualTo("/api/accounts/a-1/deposits");
        assertThat(json.getJsonArray("violations").getString(0)).isEqualTo("amount: must be positive");
        assertThat(Problem.of(Problem.Kind.NOT_FOUND, "gone").toJson("/x").containsKey("violations")).isFalse();
    }

    private static <T extends Throwable> T wrap(T outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }
}
