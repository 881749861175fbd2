package io.sourceflow.upgrade.server;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings SourceFlow's tables on PostgreSQL up to date with Flyway when the application starts
 * (history table {@value #HISTORY}). A database whose tables the library's first release made,
 * before migrations were recorded, is taken as version 1 and migrated from there.
 */
@ApplicationScoped
public class SchemaMigrations {

    /** The history table of SourceFlow's migrations. */
    public static final String HISTORY = "sourceflow_schema_history";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "jdbc/sourceflow")
    DataSource dataSource;

    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader()).dataSource(dataSource)
                .table(HISTORY).locations("classpath:META-INF/sourceflow/db/migration/postgresql")
                .baselineOnMigrate(true).baselineVersion(hasUnrecordedTables() ? "1" : "0")
                .baselineDescription("tables of the first release").load().migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "SourceFlow's tables at version " + version + " (" + result.migrationsExecuted + " migrations run now)");
    }

    private boolean hasUnrecordedTables() {
        try (Connection c = dataSource.getConnection()) {
            return exists(c, "sourceflow_command") && !exists(c, HISTORY);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach jdbc/sourceflow to migrate its schema", e);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (ResultSet tables = c.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }
}
