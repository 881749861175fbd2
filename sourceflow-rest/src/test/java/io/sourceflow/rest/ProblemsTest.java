package io.sourceflow.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.ConcurrencyException;
import io.sourceflow.EntityExistsException;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.InvalidEntityIdException;
import io.sourceflow.SourceFlowException;
import io.sourceflow.CommandRejectedException;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void businessRulesAre422WithTheirMessage() {
        Problem problem = Problems.classify(new CommandRejectedException("Account a-1 is closed")).orElseThrow();

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).isEqualTo("urn:sourceflow:problem:business-rule");
        assertThat(problem.detail()).isEqualTo("Account a-1 is closed");
    }

    @Test
    void unknownEntitiesAre404() {
        assertThat(Problems.classify(new EntityNotFoundException("BankAccount 'x' does not exist")).orElseThrow().status())
                .isEqualTo(404);
    }

    @Test
    void concurrencyIs409EvenWhenWrappedByTheTransaction() {
        RuntimeException commitFailure = new RuntimeException("commit failed", wrap(new RollbackException("rolled back"),
                new PersistenceException("flush", new SQLException("duplicate key", "23505"))));
        RuntimeException stale = new RuntimeException(new OptimisticLockException("stale"));

        assertThat(Problems.classify(new ConcurrencyException("#3 taken")).orElseThrow().status()).isEqualTo(409);
        assertThat(Problems.classify(commitFailure).orElseThrow().status()).isEqualTo(409);
        assertThat(Problems.classify(stale).orElseThrow().status()).isEqualTo(409);
        assertThat(Problems.classify(new EntityExistsException("exists")).orElseThrow().status()).isEqualTo(409);
    }

    @Test
    void aCommitRolledBackWithoutARecognisedCauseIs503NothingDone() {
        RuntimeException commitFailure = new RuntimeException("commit", new RollbackException("ARJUNA016053"));

        Problem problem = Problems.classify(commitFailure).orElseThrow();

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).contains("rolled back; nothing was done").doesNotContain("ARJUNA");
    }

    @Test
    void aCommitInDoubtIs500OutcomeUnknownNotNothingDone() {
        Problem problem = Problems.classify(new HeuristicMixedException()).orElseThrow();

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo("urn:sourceflow:problem:outcome-unknown");
        assertThat(problem.detail()).contains("may have been taken or not");
    }

    @Test
    void anEntityIdThatBreaksTheRulesIs400WithTheIdEscaped() {
        Problem problem = Problems.classify(new RuntimeException(new InvalidEntityIdException("The entity id 'a\\nb' contains"
                + " a control character"))).orElseThrow();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains("a\\nb").doesNotContain("\n");
    }

    @Test
    void malformedJsonIs400() {
        Problem problem = Problems.classify(new IllegalStateException("reader", new JsonbException("Unexpected EOF")))
                .orElseThrow();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).startsWith("The request body is not valid JSON for this resource (reference ")
                .contains(problem.reference()).doesNotContain("Unexpected EOF");
    }

    @Test
    void messagingFailuresAre503NothingDone() {
        Problem problem = Problems.classify(new IllegalStateException("send", new JMSRuntimeException("broker down")))
                .orElseThrow();

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).contains("nothing was done").contains(problem.reference()).doesNotContain("broker down");
    }

    @Test
    void aTransientFailureOfATransportIs503() {
        SourceFlowException transport = new SourceFlowException("Cannot look up jms/sourceflow/commands", null) {
            @Override
            public boolean isTransient() {
                return true;
            }
        };

        Problem problem = Problems.classify(transport).orElseThrow();

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).contains("nothing was done").doesNotContain("jms/sourceflow/commands");
        assertThat(problem.reference()).hasSize(36);
    }

    @Test
    void bodiesThatBreakTheirConstraintsList400WithTheFields() {
        Problem problem = Problems.classify(new InvalidRequestException(List.of("amount: must be positive"))).orElseThrow();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("urn:sourceflow:problem:invalid-request");
        assertThat(problem.violations()).containsExactly("amount: must be positive");
    }

    @Test
    void theTextOfADatabasesOrAProvidersExceptionNeverReachesTheClient() {
        Problem unique = Problems.classify(new RuntimeException(new SQLException("duplicate key value violates unique"
                + " constraint \"sourceflow_command_pk\" Detail: Key (entity_id)=(a-1) already exists.", "23505"))).orElseThrow();
        Problem exists = Problems.classify(new jakarta.persistence.EntityExistsException("Exception Description: Internal"
                + " Exception: org.postgresql.util.PSQLException")).orElseThrow();
        Problem stale = Problems.classify(new jakarta.persistence.OptimisticLockException("UPDATE sourceflow_document SET"
                + " version = 3 WHERE version = 2")).orElseThrow();

        for (Problem problem : List.of(unique, exists, stale)) {
            assertThat(problem.status()).isEqualTo(409);
            assertThat(problem.detail()).isEqualTo("Another request changed the entity first; retry (reference "
                    + problem.reference() + " in the server log)");
            assertThat(problem.toJson("/x").getString("reference")).isEqualTo(problem.reference());
        }
        assertThat(Problems.classify(new io.sourceflow.EntityExistsException("Account 'a-1' already exists")).orElseThrow()
                .detail()).as("SourceFlow's own message, written for clients").isEqualTo("Account 'a-1' already exists");
    }

    @Test
    void anythingElseIsLeftToTheCaller() {
        assertThat(Problems.classify(new IllegalStateException("boom"))).isEmpty();
        assertThat(Problems.classify(new SQLException("other", "42000"))).isEmpty();
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
