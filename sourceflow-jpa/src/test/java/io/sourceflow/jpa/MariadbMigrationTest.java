package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.jpa.support.Drivers;
import io.sourceflow.jpa.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/** The migrations on MariaDB, also on a server whose default character set is not utf8mb4. */
class MariadbMigrationTest extends MigrationTests {

    @Test
    void everyTableKeepsEveryCharacterWhateverTheDatabasesDefault() throws Exception {
        // given
        MariaDbDataSource latin1 = Drivers.mariadb("migrated_latin1", "latin1");

        // when
        TestDatabase.migrations(kind(), latin1).load().migrate();

        // then
        try (Connection c = latin1.getConnection(); Statement s = c.createStatement();
                ResultSet tables = s.executeQuery("SELECT table_name, table_collation, engine FROM information_schema.tables"
                        + " WHERE table_schema = 'migrated_latin1' AND table_name LIKE 'sourceflow\\_%'"
                        + " AND table_name <> '" + TestDatabase.HISTORY_TABLE + "'")) {
            List<String> found = new ArrayList<>();
            while (tables.next()) {
                found.add(tables.getString(1) + " " + tables.getString(2) + " " + tables.getString(3));
            }
            assertThat(found).as("SourceFlow's tables").hasSize(7)
                    .allSatisfy(table -> assertThat(table).endsWith(" utf8mb4_bin InnoDB"));
        }
    }

    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
