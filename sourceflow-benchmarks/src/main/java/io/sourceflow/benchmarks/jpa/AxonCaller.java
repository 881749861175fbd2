package io.sourceflow.benchmarks.jpa;

import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A caller of {@link AxonBank}, with its own account, that checks its deposits at the end. */
@State(Scope.Thread)
public class AxonCaller implements StorePaths.Deposit {

    private AxonBank axon;
    private String id;
    private long deposits;

    /**
     * Opens the caller's account.
     *
     * @param axon Axon on the bank's database
     * @param bank the database, which numbers the callers
     * @throws SQLException when the database fails
     */
    @Setup(Level.Trial)
    public void open(AxonBank axon, PostgresBank bank) throws SQLException {
        this.axon = axon;
        id = "axon-" + bank.callers.incrementAndGet();
        axon.open(id);
    }

    @Override
    public void run() {
        axon.deposit(id);
        deposits++;
    }

    /**
     * Checks that every deposit made is in Axon's event table and in the view row.
     *
     * @throws SQLException when the database fails
     */
    @Override
    @TearDown(Level.Trial)
    public void check() throws SQLException {
        axon.check(id, deposits);
    }
}
