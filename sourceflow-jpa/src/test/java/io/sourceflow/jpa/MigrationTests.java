package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.EntityRef;
import io.sourceflow.History;
import io.sourceflow.Metadata;
import io.sourceflow.cdi.JsonBindingSerializer;
import io.sourceflow.cdi.bank.AccountAggregate;
import io.sourceflow.cdi.bank.AccountSaga;
import io.sourceflow.cdi.bank.AccountView;
import io.sourceflow.cdi.bank.BankAccount;
import io.sourceflow.cdi.bank.Commands.CreateAccount;
import io.sourceflow.cdi.bank.Commands.DepositMoney;
import io.sourceflow.jpa.bank.AccountSummaryView;
import io.sourceflow.jpa.support.Rows;
import io.sourceflow.jpa.support.TestDatabase;
import io.sourceflow.jpa.support.XaPool;
import io.sourceflow.spi.EntityStore;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The versioned migrations ({@code META-INF/sourceflow/db/migration/<database>/}): run by Flyway on an
 * empty database they make the schema the single DDL script makes; run on a database of the first
 * release that holds data, they keep it, and the stores replay it.
 */
abstract class MigrationTests {

    final JsonBindingSerializer json = new JsonBindingSerializer();

    abstract TestDatabase.Kind kind();

    @Test
    void theMigrationsMakeTheSchemaTheDdlScriptMakes() throws Exception {
        // given
        XaPool migrated = TestDatabase.emptyPool(kind(), "migrated_" + name());
        XaPool scripted = TestDatabase.emptyPool(kind(), "scripted_" + name());

        // when
        TestDatabase.migrations(kind(), migrated).load().migrate();
        try (Connection c = scripted.getConnection()) {
            TestDatabase.run(c, "META-INF/sourceflow/ddl/" + name() + ".sql");
        }

        // then
        try (migrated; scripted) {
            Set<String> expected = schema(scripted);
            assertThat(expected).as("the DDL script's tables").anyMatch(line -> line.contains("sourceflow_command.type_revision"));
            assertThat(schema(migrated)).isEqualTo(expected);
        }
    }

    @Test
    void aFirstReleaseDatabaseWithDataIsMigratedAndReplayed() throws Exception {
        // given: the first release's schema (V1) and what that release wrote: two commands, the account
        XaPool pool = TestDatabase.emptyPool(kind(), "release1_" + name());
        TestDatabase.migrations(kind(), pool).target("1").load().migrate();
        try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO sourceflow_command"
                + " (entity_id, sequence_no, type_alias, payload, metadata, is_new, occurred_on) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            logged(insert, 1, "bank.CreateAccount", new CreateAccount(EntityRef.of("m-1").asNew(), "Mia", new BigDecimal("10")));
            logged(insert, 2, "bank.DepositMoney", new DepositMoney(EntityRef.of("m-1"), new BigDecimal("5")));
        }

        // when: the migrations of this release, a command no saga handles logged under no type (never to be
        // adopted), a read of the history outside a transaction (the rows are still unadopted), then a
        // replay (its transaction adopts them) and a command
        TestDatabase.migrations(kind(), pool).load().migrate();
        try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO sourceflow_command"
                + " (entity_type, entity_id, sequence_no, type_alias, payload, metadata, is_new, occurred_on)"
                + " VALUES ('', 'm-1', 1, 'bank.DepositMoney', '{}', '{}', false, ?)")) {
            insert.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
            insert.executeUpdate();
        }
        TestDatabase db = TestDatabase.existing(kind(), pool);
        try (WeldContainer container = db.weld(AccountSaga.class, AccountView.class, AccountSummaryView.class,
                AccountAggregate.class).initialize()) {
            AccountAggregate accounts = container.select(AccountAggregate.class).get();
            List<History.Entry> before = container.select(History.class).get().page(EntityRef.of("m-1"), 0, 10);
            List<List<Object>> untyped = new Rows(db).query("SELECT DISTINCT entity_type FROM sourceflow_command ORDER BY entity_type");
            long replayed = accounts.rebuild("m-1");
            accounts.deposit("m-1", new BigDecimal("1"));

            // then
            assertThat(before).extracting(entry -> entry.metadata().entityType()).containsExactly("BankAccount", "BankAccount");
            assertThat(untyped).containsExactly(List.of(""), List.of("#unadopted"));
            assertThat(replayed).isEqualTo(2);
            TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
            tm.begin();
            BankAccount account;
            try {
                account = container.select(EntityStore.class).get().find(BankAccount.class, "m-1").orElseThrow();
            } finally {
                tm.rollback();
            }
            assertThat(account.getBalance()).isEqualByComparingTo("16");
            assertThat(new Rows(db).query("SELECT sequence_no, type_revision FROM sourceflow_command WHERE entity_id = 'm-1'"
                    + " AND entity_type = 'BankAccount' ORDER BY sequence_no")).extracting(row -> ((Number) row.get(1)).intValue())
                    .containsExactly(1, 1, 1);
            assertThat(new Rows(db).query("SELECT entity_type, sequence_no FROM sourceflow_command ORDER BY entity_type, sequence_no"))
                    .as("the rows of release 1 adopted by their saga's entity type, the untyped row left").containsExactly(
                            List.of("", 1L), List.of("BankAccount", 1L), List.of("BankAccount", 2L), List.of("BankAccount", 3L));
        } finally {
            db.close();
        }
    }

    @Test
    void aSchemaOfTheSecondReleaseThatTheProviderGeneratedIsMigrated() throws Exception {
        // given: release 2's tables as the provider generated them: the log's primary key under a name
        // of the database's choosing, in its own column order, and (but on Derby) the unique index
        XaPool pool = TestDatabase.emptyPool(kind(), "generated2_" + name());
        TestDatabase.migrations(kind(), pool).target("2").load().migrate();
        try (Connection c = pool.getConnection(); java.sql.Statement sql = c.createStatement()) {
            if (kind() == TestDatabase.Kind.MARIADB) {
                sql.execute("ALTER TABLE sourceflow_command DROP PRIMARY KEY, ADD PRIMARY KEY (sequence_no, entity_id)");
            } else {
                sql.execute("ALTER TABLE sourceflow_command DROP CONSTRAINT sourceflow_command_pk");
                sql.execute("ALTER TABLE sourceflow_command ADD PRIMARY KEY (sequence_no, entity_id)");
            }
            if (kind() != TestDatabase.Kind.DERBY) {
                sql.execute("CREATE UNIQUE INDEX sourceflow_command_entity ON sourceflow_command (entity_id, sequence_no)");
            }
        }

        // when
        TestDatabase.migrations(kind(), pool).load().migrate();

        // then: two entity types may hold one id and number, and the schema is the current one
        try (pool; Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO sourceflow_command"
                + " (entity_type, entity_id, sequence_no, type_alias, payload, metadata, is_new, occurred_on)"
                + " VALUES (?, 'g-1', 1, 'a', '{}', '{}', ?, ?)")) {
            for (String type : List.of("shop.Order", "Stock")) {
                insert.setString(1, type);
                insert.setBoolean(2, true);
                insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                insert.executeUpdate();
            }
            assertThat(schema(pool)).contains("sourceflow_command primary key [1:entity_type, 2:entity_id, 3:sequence_no]");
        }
    }

    private void logged(PreparedStatement insert, long sequenceNo, String alias, Object command) throws SQLException {
        insert.setString(1, "m-1");
        insert.setLong(2, sequenceNo);
        insert.setString(3, alias);
        insert.setString(4, json.serialize(command));
        insert.setString(5, json.serialize(Metadata.create("m-1").withSequenceNo(sequenceNo)));
        insert.setBoolean(6, sequenceNo == 1);
        insert.setTimestamp(7, new Timestamp(System.currentTimeMillis()));
        insert.executeUpdate();
    }

    private String name() {
        return kind().name().toLowerCase(Locale.ROOT);
    }

    /** SourceFlow's tables as "table.column type size nullable" and "table primary key (columns)" lines. */
    private static Set<String> schema(XaPool pool) throws SQLException {
        Set<String> lines = new TreeSet<>();
        try (Connection c = pool.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            Set<String> tables = new TreeSet<>();
            try (ResultSet columns = meta.getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
                while (columns.next()) {
                    String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (table.startsWith("sourceflow_") && !table.equals(TestDatabase.HISTORY_TABLE)) {
                        tables.add(columns.getString("TABLE_NAME"));
                        lines.add(table + "." + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                                + columns.getString("TYPE_NAME") + " " + columns.getInt("COLUMN_SIZE") + " "
                                + columns.getString("IS_NULLABLE") + " default " + columns.getString("COLUMN_DEF"));
                    }
                }
            }
            for (String table : tables) {
                Set<String> key = new TreeSet<>();
                try (ResultSet primary = meta.getPrimaryKeys(c.getCatalog(), c.getSchema(), table)) {
                    while (primary.next()) {
                        key.add(primary.getShort("KEY_SEQ") + ":" + primary.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                lines.add(table.toLowerCase(Locale.ROOT) + " primary key " + key);
            }
        }
        return lines;
    }
}
