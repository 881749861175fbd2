package io.sourceflow.jpa.support;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * What an application server's JTA data source does, for tests: a pool of connections where the
 * first connection a transaction asks for is enlisted with it and handed out again for the rest of
 * the transaction. Outside a transaction a connection is a plain auto-commit one.
 *
 * <p>Two kinds, as a server's {@code dataSource} {@code type} chooses: over an {@link XADataSource}
 * the driver's XA resource is enlisted (with one resource Narayana commits in one phase, so
 * PostgreSQL needs no prepared transactions; PostgreSQL's driver opens each branch with its own
 * {@code BEGIN}, one more round trip); over a {@link ConnectionPoolDataSource} the connection's
 * local transaction is enlisted as Narayana's last resource (auto-commit off, commit or roll back
 * at the end), as a server does for a non-XA data source such as the shipped Liberty PostgreSQL
 * configuration.
 */
public final class XaPool implements DataSource, AutoCloseable {

    private final XADataSource xa;
    private final ConnectionPoolDataSource local;
    private final TransactionManager tm;
    private final TransactionSynchronizationRegistry tsr;
    private final ConcurrentLinkedQueue<PooledConnection> idle = new ConcurrentLinkedQueue<>();
    private final Object key = new Object();
    private final AtomicLong executions = new AtomicLong();
    private volatile boolean counting = true;

    /**
     * @param xa the driver's XA data source
     */
    public XaPool(XADataSource xa) {
        this(xa, null);
    }

    /**
     * @param local the driver's pooled (non-XA) data source, whose local transactions are enlisted
     */
    public XaPool(ConnectionPoolDataSource local) {
        this(null, local);
    }

    private XaPool(XADataSource xa, ConnectionPoolDataSource local) {
        this.xa = xa;
        this.local = local;
        this.tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        this.tsr = new com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple();
    }

    /**
     * How many statements (or batches) were sent to the database through this pool, commits not
     * counted: each is one round trip.
     *
     * @return the count so far
     */
    public long executions() {
        if (!counting) {
            throw new IllegalStateException("This pool stopped counting statements");
        }
        return executions.get();
    }

    /**
     * Stops counting statements: those created from now on, on any of the pool's connections, are the
     * driver's own, as a server's pool hands them out, not wrapped in the reflective proxy that counts
     * them. For benchmarks, whose figures should not include the test's instrumentation.
     *
     * @return this pool
     */
    public XaPool withoutCounting() {
        counting = false;
        return this;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            Transaction tx = tm.getTransaction();
            if (tx == null || tx.getStatus() != Status.STATUS_ACTIVE) {
                PooledConnection pooled = take();
                return handle(pooled.getConnection(), () -> idle.add(pooled));
            }
            Connection bound = (Connection) tsr.getResource(key);
            if (bound == null) {
                PooledConnection pooled = take();
                bound = pooled.getConnection();
                tx.enlistResource(local == null ? ((XAConnection) pooled).getXAResource() : new LocalTransaction(bound));
                tsr.putResource(key, bound);
                tsr.registerInterposedSynchronization(new Release(pooled));
            }
            return handle(bound, () -> { });
        } catch (SystemException | jakarta.transaction.RollbackException e) {
            throw new SQLException("Cannot enlist a connection in the transaction", e);
        }
    }

    private PooledConnection take() throws SQLException {
        PooledConnection pooled = idle.poll();
        return pooled != null ? pooled : xa != null ? xa.getXAConnection() : local.getPooledConnection();
    }

    /**
     * A handle whose first close gives the connection back instead of closing it (a second close does
     * nothing: giving it back twice would hand one connection to two callers); its statements are counted.
     */
    private Connection handle(Connection connection, Runnable onClose) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close")) {
                if (closed.compareAndSet(false, true)) {
                    onClose.run();
                }
                return null;
            }
            if (method.getName().equals("isClosed")) {
                return closed.get();
            }
            Object result = call(connection, method, args);
            if (!counting) {
                return result;
            }
            return result instanceof PreparedStatement s ? counted(s, PreparedStatement.class)
                    : result instanceof Statement s ? counted(s, Statement.class) : result;
        };
        return (Connection) Proxy.newProxyInstance(XaPool.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private Object counted(Statement statement, Class<? extends Statement> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executions.incrementAndGet();
            }
            return call(statement, method, args);
        };
        return Proxy.newProxyInstance(XaPool.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PooledConnection c = idle.poll(); c != null; c = idle.poll()) {
            c.close();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        throw new UnsupportedOperationException("no log writer");
    }

    @Override
    public void setLoginTimeout(int seconds) {
        throw new UnsupportedOperationException("no login timeout");
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }

    /**
     * A connection's local transaction as a JTA resource: Narayana's last resource, committed in
     * one phase after any XA resources are prepared (only one such resource per transaction).
     */
    private static final class LocalTransaction implements com.arjuna.ats.jta.resources.LastResourceCommitOptimisation {
        private final Connection connection;

        LocalTransaction(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw failure("Cannot begin a local transaction", e);
            }
        }

        @Override
        public void end(Xid xid, int flags) {
            // the work stays on the connection until commit or rollback
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            XAException e = new XAException("A local transaction cannot be prepared; it commits last, in one phase");
            e.errorCode = XAException.XAER_PROTO;
            throw e;
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            try {
                connection.commit();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw failure("Cannot commit the local transaction", e);
            }
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw failure("Cannot roll back the local transaction", e);
            }
        }

        @Override
        public void forget(Xid xid) {
            // nothing is remembered
        }

        @Override
        public Xid[] recover(int flag) {
            return new Xid[0];
        }

        @Override
        public boolean isSameRM(XAResource other) {
            return other == this;
        }

        @Override
        public int getTransactionTimeout() {
            return 0;
        }

        @Override
        public boolean setTransactionTimeout(int seconds) {
            return false;
        }

        private static XAException failure(String message, SQLException cause) {
            XAException e = new XAException(message + ": " + cause.getMessage());
            e.errorCode = XAException.XAER_RMERR;
            e.initCause(cause);
            return e;
        }
    }

    /** Returns the transaction's connection to the pool once the transaction is over. */
    private final class Release implements Synchronization {
        private final PooledConnection pooled;

        Release(PooledConnection pooled) {
            this.pooled = pooled;
        }

        @Override
        public void beforeCompletion() {
            // nothing to do before the outcome is known
        }

        @Override
        public void afterCompletion(int status) {
            idle.add(pooled);
        }
    }
}
