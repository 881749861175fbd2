package io.sourceflow.sample.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What a database holds before its first migration: an earlier version of the sample had the
 * provider generate its tables, with no migration history. Flyway baselines such a schema at the
 * version given here, and runs only the migrations above it: SourceFlow's tables as released first
 * are version 1, with the log's {@code type_revision} version 2, with its {@code entity_type} version 3,
 * with the documents' {@code type_revision} version 4; the sample's tables version 1.
 *
 * @param sourceFlowBaseline the version SourceFlow's tables are at, 0 when they are not there
 * @param sampleBaseline the version the sample's tables are at, 0 when they are not there
 */
record ExistingSchema(String sourceFlowBaseline, String sampleBaseline) {

    /**
     * Looks at the database's tables.
     *
     * @param dataSource the database
     * @return the versions found
     */
    static ExistingSchema of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                ResultSet columns = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
            Set<String> found = new HashSet<>();
            while (columns.next()) {
                String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                found.add(table);
                found.add(table + "." + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            String sourceFlow = !found.contains("sourceflow_command") ? "0"
                    : found.contains("sourceflow_document.type_revision") ? "4"
                    : found.contains("sourceflow_command.entity_type") ? "3"
                    : found.contains("sourceflow_command.type_revision") ? "2" : "1";
            return new ExistingSchema(sourceFlow, found.contains("sample_bank_account") ? "1" : "0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tables of jdbc/sourceflow", e);
        }
    }
}
