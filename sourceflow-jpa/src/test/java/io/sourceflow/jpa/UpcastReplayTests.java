package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.MessageFormatException;
import io.sourceflow.NewerRevisionException;
import io.sourceflow.UpcastingException;
import io.sourceflow.cdi.revisions.Revisions;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import io.sourceflow.spi.EntityStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Replay reads what an earlier release logged: rows of older revisions, and of a type since
 * renamed, pass through the deployed upcasters; a row no upcaster can read (a newer revision, an
 * upcaster that fails) stops the replay naming the row, and nothing is changed.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UpcastReplayTests {

    final TestDatabase db = TestDatabase.create(kind(), "upcast_" + kind().name().toLowerCase());
    final Rows rows = new Rows(db);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(Revisions.TillSaga.class, Revisions.AmountRenamed.class,
            Revisions.ReferenceAdded.class, Revisions.CreditRenamed.class, Revisions.Fragile.class)).build();

    @Inject
    CommandBus bus;
    @Inject
    EntityStore entities;

    abstract TestDatabase.Kind kind();

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void rowsOfOlderRevisionsAndOfARenamedTypeAreReplayed() {
        // given: three deposits of 1, rewritten as releases before would have logged deposits of 5, 6 and 7
        deposits("t-1", "1", "1", "1");
        storedAs("t-1", 1, "rev.Deposit", 1, "{\"entity\":{\"id\":\"t-1\",\"isNew\":true},\"amt\":5}");
        storedAs("t-1", 2, "rev.Credit", 1, "{\"entity\":{\"id\":\"t-1\"},\"value\":6}");
        storedAs("t-1", 3, "rev.Deposit", 2, "{\"entity\":{\"id\":\"t-1\"},\"amount\":7}");
        assertThat(total("t-1")).isEqualByComparingTo("3");

        // when
        bus.replay(EntityRef.of("t-1"));

        // then
        assertThat(total("t-1")).isEqualByComparingTo("18");
        assertThat(rows.query("SELECT type_alias, type_revision FROM sourceflow_command WHERE entity_id = 't-1'"
                + " ORDER BY sequence_no")).as("the log is read, never rewritten")
                .containsExactly(List.of("rev.Deposit", 1), List.of("rev.Credit", 1), List.of("rev.Deposit", 2));
    }

    @Test
    void anUpcasterThatFailsStopsTheReplayNamingTheRowAndChangesNothing() {
        // given
        deposits("t-2", "5", "6");
        storedAs("t-2", 2, "rev.Credit", 2, "{\"poison\":true}");
        List<List<Object>> before = stored("t-2");

        // when / then
        assertThatThrownBy(() -> bus.replay(EntityRef.of("t-2")))
                .isInstanceOf(UpcastingException.class)
                .hasMessageContaining("command #2 of entity 't-2'")
                .hasMessageContaining("type alias 'rev.Credit', revision 2")
                .hasMessageContaining("upcaster " + Revisions.Fragile.class.getName())
                .hasMessageContaining("cannot read a poisoned credit");
        assertThat(stored("t-2")).isEqualTo(before);
    }

    @Test
    void upcastJsonThatDoesNotFitTheClassNamesTheUpcastersItPassed() {
        // given
        deposits("t-4", "5", "6");
        storedAs("t-4", 2, "rev.Credit", 1, "{\"entity\":{\"id\":\"t-4\"},\"value\":\"lots\"}");

        // when / then
        assertThatThrownBy(() -> bus.replay(EntityRef.of("t-4")))
                .isExactlyInstanceOf(MessageFormatException.class)
                .hasMessageContaining("command #2 of entity 't-4'")
                .hasMessageContaining("type alias 'rev.Deposit', revision 3 (upcast by " + Revisions.CreditRenamed.class.getName()
                        + ", then " + Revisions.ReferenceAdded.class.getName() + ")");
    }

    @Test
    void aRevisionBelowOneStopsTheReplayNamingTheRow() {
        deposits("t-5", "5", "6");
        storedAs("t-5", 2, "rev.Deposit", 0, "{\"entity\":{\"id\":\"t-5\"},\"amount\":6,\"reference\":\"r\"}");

        assertThatThrownBy(() -> bus.replay(EntityRef.of("t-5")))
                .isExactlyInstanceOf(MessageFormatException.class)
                .hasMessageContaining("command #2 of entity 't-5' of type '")
                .hasMessageContaining("' in the command log: its type_revision is 0, not 1 or more");
    }

    @Test
    void aNewerRevisionStopsTheReplayNamingTheRow() {
        // given
        deposits("t-3", "5", "6");
        storedAs("t-3", 2, "rev.Deposit", 4, "{\"entity\":{\"id\":\"t-3\"},\"amount\":6,\"reference\":\"r\",\"more\":1}");
        List<List<Object>> before = stored("t-3");

        // when / then
        assertThatThrownBy(() -> bus.replay(EntityRef.of("t-3")))
                .isInstanceOf(NewerRevisionException.class)
                .hasMessageContaining("command #2 of entity 't-3'")
                .hasMessageContaining("revision 4 of 'rev.Deposit' is newer than the revision this application knows, 3");
        assertThat(stored("t-3")).isEqualTo(before);
    }

    private void deposits(String id, String... amounts) {
        bus.publish(new Revisions.Deposit(EntityRef.of(id).asNew(), new BigDecimal(amounts[0]), "first"));
        for (int i = 1; i < amounts.length; i++) {
            bus.publish(new Revisions.Deposit(EntityRef.of(id), new BigDecimal(amounts[i]), "next"));
        }
    }

    private void storedAs(String id, long sequenceNo, String alias, int revision, String payload) {
        rows.update("UPDATE sourceflow_command SET type_alias = ?, type_revision = ?, payload = ? WHERE entity_id = ?"
                + " AND sequence_no = ?", alias, revision, payload, id, sequenceNo);
    }

    private BigDecimal total(String id) {
        return TestDatabase.inTransaction(() -> entities.find(Revisions.Till.class, id).orElseThrow().total);
    }

    private List<List<Object>> stored(String id) {
        List<List<Object>> all = new ArrayList<>(rows.query("SELECT * FROM sourceflow_command WHERE entity_id = ?"
                + " ORDER BY sequence_no", id));
        all.addAll(rows.query("SELECT * FROM sourceflow_document WHERE id = ?", id));
        return all;
    }
}
