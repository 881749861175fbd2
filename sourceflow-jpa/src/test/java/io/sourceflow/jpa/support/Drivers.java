package io.sourceflow.jpa.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.XADataSource;
import org.apache.derby.jdbc.EmbeddedXADataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;
import org.postgresql.xa.PGXADataSource;

/** The data sources of the test databases. */
public final class Drivers {

    private Drivers() {
    }

    /** H2 in memory; its data source is both an XA and a pooled one. */
    static JdbcDataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** Derby in memory, a new database named {@code name}. */
    static XADataSource derby(String name) {
        EmbeddedXADataSource derby = new EmbeddedXADataSource();
        derby.setDatabaseName("memory:" + name);
        derby.setCreateDatabase("create");
        return derby;
    }

    /** A fresh schema named {@code name} in the test database; XA connections use it. */
    static XADataSource postgresql(String name) throws SQLException {
        return configure(new PGXADataSource(), freshSchema(name));
    }

    /** A fresh schema named {@code name} in the test database; pooled (non-XA) connections use it. */
    static ConnectionPoolDataSource postgresqlPooled(String name) throws SQLException {
        return configure(new PGConnectionPoolDataSource(), freshSchema(name));
    }

    private static String freshSchema(String name) throws SQLException {
        try (Connection c = configure(new PGSimpleDataSource(), null).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            s.execute("CREATE SCHEMA " + name);
        }
        return name;
    }

    private static <T extends BaseDataSource> T configure(T pg, String schema) {
        pg.setServerNames(new String[] {System.getProperty("sourceflow.test.pg.host", "127.0.0.1")});
        pg.setPortNumbers(new int[] {Integer.getInteger("sourceflow.test.pg.port", 5432)});
        pg.setDatabaseName(System.getProperty("sourceflow.test.pg.database", "test"));
        pg.setUser(System.getProperty("sourceflow.test.pg.user", "postgres"));
        pg.setReWriteBatchedInserts(true);
        if (schema != null) {
            pg.setCurrentSchema(schema);
        }
        // e.g. "-c log_min_duration_statement=0" to see a run's statements in the server log
        String options = System.getProperty("sourceflow.test.pg.options");
        if (options != null) {
            pg.setOptions(options);
        }
        return pg;
    }

    /**
     * A fresh database named {@code name} on the MariaDB at 127.0.0.1:3306 (user root, no password),
     * binary collation as the shipped DDL; its data source is both an XA and a pooled one.
     */
    static MariaDbDataSource mariadb(String name) throws SQLException {
        return mariadb(name, "utf8mb4 COLLATE utf8mb4_bin");
    }

    /**
     * A fresh database named {@code name} on the MariaDB at 127.0.0.1:3306 with a default character set
     * of its own.
     *
     * @param name the database
     * @param characterSet the default, as {@code CREATE DATABASE ... CHARACTER SET} takes it
     * @return its data source
     * @throws SQLException when MariaDB is unreachable
     */
    public static MariaDbDataSource mariadb(String name, String characterSet) throws SQLException {
        String server = "jdbc:mariadb://" + System.getProperty("sourceflow.test.mariadb.host", "127.0.0.1") + ":"
                + Integer.getInteger("sourceflow.test.mariadb.port", 3306) + "/";
        String user = "?user=" + System.getProperty("sourceflow.test.mariadb.user", "root");
        try (Connection c = new MariaDbDataSource(server + user).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET " + characterSet);
        }
        return new MariaDbDataSource(server + name + user);
    }
}
