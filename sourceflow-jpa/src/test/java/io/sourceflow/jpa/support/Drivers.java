package io.sourceflow.jpa.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.XADataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.xa.PGXADataSource;

/** The XA data sources of the test databases. */
final class Drivers {

    private Drivers() {
    }

    static XADataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** A fresh schema named {@code name} in the test database; connections use it. */
    static XADataSource postgresql(String name) throws SQLException {
        PGXADataSource admin = postgresql();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            s.execute("CREATE SCHEMA " + name);
        }
        PGXADataSource pg = postgresql();
        pg.setCurrentSchema(name);
        return pg;
    }

    private static PGXADataSource postgresql() {
        PGXADataSource pg = new PGXADataSource();
        pg.setServerNames(new String[] {System.getProperty("sourceflow.test.pg.host", "127.0.0.1")});
        pg.setPortNumbers(new int[] {Integer.getInteger("sourceflow.test.pg.port", 5432)});
        pg.setDatabaseName(System.getProperty("sourceflow.test.pg.database", "test"));
        pg.setUser(System.getProperty("sourceflow.test.pg.user", "postgres"));
        pg.setReWriteBatchedInserts(true);
        // e.g. "-c log_min_duration_statement=0" to see a run's statements in the server log
        String options = System.getProperty("sourceflow.test.pg.options");
        if (options != null) {
            pg.setOptions(options);
        }
        return pg;
    }
}
