package io.sourceflow.sample.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database up to date when the application starts, with Flyway (a library inside the
 * WAR): first SourceFlow's tables, from the migrations {@code sourceflow-jpa} ships for the
 * database at hand, recorded in {@value #SOURCEFLOW_HISTORY}; then the sample's own tables
 * ({@code db/sample/<database>}), recorded in Flyway's default history table. The persistence unit creates
 * nothing. A database an earlier version of the sample had the provider generate is adopted
 * ({@link ExistingSchema}).
 */
@ApplicationScoped
public class SchemaMigrations {

    /** The history table of SourceFlow's migrations. */
    public static final String SOURCEFLOW_HISTORY = "sourceflow_schema_history";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "jdbc/sourceflow")
    DataSource dataSource;

    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        String database = database();
        ExistingSchema existing = ExistingSchema.of(dataSource);
        MigrateResult library = configure(existing.sourceFlowBaseline(), SOURCEFLOW_HISTORY,
                "classpath:META-INF/sourceflow/db/migration/" + database).load().migrate();
        MigrateResult sample = configure(existing.sampleBaseline(), "flyway_schema_history", "classpath:db/sample/" + database)
                .load().migrate();
        LOG.info(() -> "Database schema (" + database + "): SourceFlow's tables at version " + version(library) + " ("
                + library.migrationsExecuted + " migrations run now), the sample's at version " + version(sample) + " ("
                + sample.migrationsExecuted + " run now)");
    }

    private static String version(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /**
     * Flyway for one set of migrations. A schema without this set's history is baselined at the
     * version it already holds (0 when none of its tables are there), so the migrations above it run.
     * Each location holds an empty {@code flyway.location}, by which Flyway finds a folder inside a
     * jar where the class loader cannot list folders (Liberty's); so does Flyway's default callback
     * folder {@code db/callback} (which holds nothing else), else Flyway logs an error on each start.
     */
    private FluentConfiguration configure(String baseline, String table, String location) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader()).dataSource(dataSource).table(table)
                .locations(location).baselineOnMigrate(true).baselineVersion(baseline)
                .baselineDescription("tables that were there before migrations");
    }

    /** The migrations' folder for the database product: derby, postgresql or h2. */
    private String database() {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach jdbc/sourceflow to migrate its schema", e);
        }
        if (product.contains("derby")) {
            return "derby";
        }
        if (product.contains("postgres")) {
            return "postgresql";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("The sample has migrations for Derby, PostgreSQL and H2, not for the database '"
                + product + "' (SourceFlow's own migrations also cover MariaDB)");
    }
}
