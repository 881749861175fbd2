package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourceflow.DataSubjects;
import io.sourceflow.EntityRef;
import io.sourceflow.History;
import io.sourceflow.SubjectForgottenException;
import io.sourceflow.jpa.people.CardView;
import io.sourceflow.jpa.people.Member;
import io.sourceflow.jpa.people.MemberAggregate;
import io.sourceflow.jpa.people.MemberSaga;
import io.sourceflow.jpa.people.Members.Card;
import io.sourceflow.jpa.people.Members.Join;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import io.sourceflow.spi.EntityStore;
import io.sourceflow.spi.SubjectKeyStore;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Crypto-shredding on a database: a member's name and e-mail are in no table in plain text (every
 * cell of every table of the schema is scanned), they read back while the member is known, and once
 * forgotten the log, the entity, the view and a replay give {@code null} for them while everything
 * else goes on working.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersonalDataTests {

    private static final String NAME = "Jane Roe-Personal";
    private static final String EMAIL = "jane.roe@example.org";

    final TestDatabase db = TestDatabase.create(kind(), "personal_" + kind().name().toLowerCase());

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(db.weld(MemberSaga.class, CardView.class, MemberAggregate.class)).build();

    @Inject
    MemberAggregate members;
    @Inject
    CardView cards;
    @Inject
    EntityStore entities;
    @Inject
    History history;
    @Inject
    DataSubjects subjects;
    @Inject
    SubjectKeyStore keys;

    abstract TestDatabase.Kind kind();

    @AfterAll
    void closeDatabase() throws Exception {
        db.close();
    }

    @Test
    void personalDataIsInNoTableAndForgettingItLeavesEverythingElseWorking() throws Exception {
        // given
        members.join("m-1", NAME, EMAIL, "gold");
        members.join("m-2", "Someone Else", "else@example.org", "gold");
        members.changePlan("m-1", "silver");

        // then: nowhere in plain text, everywhere readable
        assertThat(cellsOfEveryTable()).noneMatch(cell -> cell.contains(NAME) || cell.contains(EMAIL))
                .anyMatch(cell -> cell.contains("silver"));
        assertThat(inTransaction(() -> cards.card("m-1").orElseThrow())).isEqualTo(new Card("m-1", NAME, "silver"));
        assertThat(inTransaction(() -> entities.find(Member.class, "m-1").orElseThrow().getEmail())).isEqualTo(EMAIL);
        assertThat(((Join) history.page(EntityRef.of("m-1"), 0, 10).get(0).command()).name()).isEqualTo(NAME);

        // when
        assertThat(subjects.forget("m-1")).isTrue();

        // then: forgotten in the log, the entity and the view; the rest, and the other member, untouched
        assertThat(inTransaction(() -> cards.card("m-1").orElseThrow())).isEqualTo(new Card("m-1", null, "silver"));
        assertThat(((Join) history.page(EntityRef.of("m-1"), 0, 10).get(0).command()))
                .isEqualTo(new Join(EntityRef.of("m-1").asNew(), null, null, "gold"));
        assertThat(inTransaction(() -> cards.card("m-2").orElseThrow().name())).isEqualTo("Someone Else");
        assertThat(members.rebuild("m-1")).isEqualTo(2);
        Member replayed = inTransaction(() -> entities.find(Member.class, "m-1").orElseThrow());
        assertThat(replayed.getName()).isNull();
        assertThat(replayed.getEmail()).isNull();
        assertThat(replayed.getPlan()).isEqualTo("silver");
        members.changePlan("m-1", "bronze");
        assertThat(inTransaction(() -> cards.card("m-1").orElseThrow())).isEqualTo(new Card("m-1", null, "bronze"));
        assertThat(new Rows(db).query("SELECT secret FROM sourceflow_subject_key WHERE subject = 'm-1'"))
                .containsExactly(java.util.Collections.singletonList(null));

        // and: the forgotten member's personal data cannot be written again
        assertThatThrownBy(() -> members.join("m-1", NAME, EMAIL, "gold"))
                .isInstanceOf(SubjectForgottenException.class)
                .hasMessage("Cannot write the personal field " + Join.class.getName() + ".name: its data subject 'm-1' was forgotten");
        assertThat(cellsOfEveryTable()).noneMatch(cell -> cell.contains(NAME) || cell.contains(EMAIL));
    }

    @Test
    void forgettingThroughTheKeyStoreOutsideATransactionIsRefusedNotLost() {
        assertThatThrownBy(() -> keys.forget("m-9")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Forgetting a data subject needs an active JTA transaction");
        assertThat(subjects.forget("m-9")).as("the API starts one").isFalse();
        assertThat(keys.isForgotten("m-9")).isTrue();
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        tm.begin();
        try {
            return work.call();
        } finally {
            tm.rollback();
        }
    }

    /** Every cell of every table of the test's schema, as text. */
    private List<String> cellsOfEveryTable() throws SQLException {
        List<String> cells = new ArrayList<>();
        try (Connection c = db.connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).as("the tables of the schema").anyMatch(t -> t.equalsIgnoreCase("sourceflow_command"));
            for (String table : tables) {
                String quote = c.getMetaData().getIdentifierQuoteString();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote + table + quote)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            cells.add(String.valueOf(rs.getString(i)));
                        }
                    }
                }
            }
        }
        return cells;
    }
}
