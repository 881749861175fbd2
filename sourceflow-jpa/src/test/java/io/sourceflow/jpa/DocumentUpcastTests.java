package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.CommandBus;
import io.sourceflow.EntityRef;
import io.sourceflow.NewerRevisionException;
import io.sourceflow.UpcastingException;
import io.sourceflow.jpa.documents.Counters;
import io.sourceflow.jpa.documents.Counters.Count;
import io.sourceflow.jpa.documents.Counters.Counter;
import io.sourceflow.jpa.documents.Counters.Tally;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.ViewModelStore;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Entity and view-model documents an earlier release wrote at revision 1 are read through the
 * upcasters (a field renamed, one that changed type, one split in two) and written back at the
 * current revision; a document no upcaster can read stops the command naming the document, and
 * nothing is changed.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DocumentUpcastTests {

    final TestDatabase db = TestDatabase.create(kind(), "documents_" + kind().name().toLowerCase());
    final Rows rows = new Rows(db);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(Counters.CounterSaga.class, Counters.TallyView.class,
            Counters.CounterTyped.class, Counters.TallySplit.class)).build();

    @Inject
    CommandBus bus;
    @Inject
    EntityStore entities;
    @Inject
    ViewModelStore views;

    abstract TestDatabase.Kind kind();

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void documentsOfRevisionOneAreUpcastWhenReadAndWrittenBackAtTheCurrentRevision() {
        // given: what release 1 stored
        stored("test.Counter", "k-1", 1, "{\"name\":\"Ada Lovelace\",\"n\":\"5\"}");
        stored("test.Tally", "k-1", 1, "{\"holder\":\"Ada Lovelace\",\"total\":5}");

        // when
        bus.publish(new Count(EntityRef.of("k-1"), 2));

        // then
        Counter counter = TestDatabase.inTransaction(() -> entities.find(Counter.class, "k-1").orElseThrow());
        assertThat(counter.label).isEqualTo("Ada Lovelace");
        assertThat(counter.count).isEqualTo(7);
        assertThat(TestDatabase.inTransaction(() -> views.find(Tally.class, "k-1"))).contains(new Tally("Ada", "Lovelace", 7));
        assertThat(rows.query("SELECT type_name, type_revision FROM sourceflow_document WHERE id = 'k-1' ORDER BY type_name"))
                .extracting(row -> row.get(0) + "@" + ((Number) row.get(1)).intValue())
                .containsExactly("test.Counter@2", "test.Tally@2");
    }

    @Test
    void anUpcasterThatFailsStopsTheCommandNamingTheDocumentAndChangesNothing() {
        stored("test.Counter", "k-2", 1, "{\"name\":\"Plato\",\"n\":\"1\"}");
        stored("test.Tally", "k-2", 1, "{\"holder\":\"Plato\",\"total\":1}");
        List<List<Object>> before = documents("k-2");

        assertThatThrownBy(() -> bus.publish(new Count(EntityRef.of("k-2"), 1)))
                .isInstanceOf(UpcastingException.class)
                .hasMessageContaining("Cannot read the document of " + Tally.class.getName() + " 'k-2' (type name 'test.Tally',"
                        + " revision 1)")
                .hasMessageContaining(Counters.TallySplit.class.getName())
                .hasMessageContaining("a holder of one word cannot be split");
        assertThat(documents("k-2")).isEqualTo(before);
    }

    @Test
    void aDocumentOfANewerRevisionIsRefusedNotMisread() {
        stored("test.Counter", "k-3", 3, "{\"label\":\"Zed\",\"count\":1,\"unit\":\"kg\"}");

        assertThatThrownBy(() -> bus.publish(new Count(EntityRef.of("k-3"), 1)))
                .isInstanceOf(NewerRevisionException.class)
                .hasMessageContaining("Cannot read the document of " + Counter.class.getName() + " 'k-3' (type name 'test.Counter',"
                        + " revision 3)")
                .hasMessageContaining("newer than the revision this application knows, 2");
    }

    private void stored(String type, String id, int revision, String body) {
        rows.update("INSERT INTO sourceflow_document (type_name, id, version, type_revision, body) VALUES (?, ?, 1, ?, ?)",
                type, id, revision, body);
    }

    private List<List<Object>> documents(String id) {
        return rows.query("SELECT type_name, version, type_revision, body FROM sourceflow_document WHERE id = ? ORDER BY type_name",
                id);
    }
}
