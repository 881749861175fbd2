package io.sourceflow.jms.support;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What an application server's pooled JMS connection factory does, for tests: inside a JTA
 * transaction {@link #createContext()} hands out a context whose XA session is enlisted with the
 * transaction (one per transaction, reused by every call in it, returned to the pool when the
 * transaction ends), so that sends commit and roll back with it. Outside a transaction the context
 * is a plain auto-acknowledge one. Closing a handed-out context gives it back instead of closing it.
 */
public final class XaConnectionFactory implements ConnectionFactory, AutoCloseable {

    private final XAConnectionFactory xa;
    private final ConnectionFactory plain;
    private final TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
    private final TransactionSynchronizationRegistry tsr =
            new com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple();
    private final ConcurrentLinkedQueue<XAJMSContext> idleXa = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<JMSContext> idlePlain = new ConcurrentLinkedQueue<>();
    private final Object key = new Object();
    private final AtomicBoolean failNextCommit = new AtomicBoolean();

    /**
     * @param factory the provider's factory, both XA and plain (Artemis' {@code ActiveMQXAConnectionFactory})
     * @param <F> its type
     */
    public <F extends XAConnectionFactory & ConnectionFactory> XaConnectionFactory(F factory) {
        this.xa = factory;
        this.plain = factory;
    }

    @Override
    public JMSContext createContext() {
        try {
            Transaction tx = tm.getTransaction();
            if (tx == null || tx.getStatus() != Status.STATUS_ACTIVE) {
                JMSContext context = idlePlain.poll();
                JMSContext taken = context != null ? context : plain.createContext();
                return handle(taken, () -> idlePlain.add(taken));
            }
            JMSContext bound = (JMSContext) tsr.getResource(key);
            if (bound == null) {
                XAJMSContext pooled = idleXa.poll();
                XAJMSContext taken = pooled != null ? pooled : xa.createXAContext();
                tx.enlistResource(new CommitFault(taken.getXAResource(), failNextCommit));
                bound = taken.getContext();
                tsr.putResource(key, bound);
                tsr.registerInterposedSynchronization(new GiveBack(taken));
            }
            return handle(bound, () -> { });
        } catch (SystemException | RollbackException e) {
            JMSRuntimeException failure = new JMSRuntimeException("Cannot enlist a JMS session in the transaction");
            failure.initCause(e);
            throw failure;
        }
    }

    /**
     * The next commit of a transaction's JMS branch gets no answer from the broker (as on a call
     * timeout or a lost connection): it throws what Artemis' client throws then ({@code XA_RETRY} in
     * phase two, {@code XAER_RMFAIL} for a one-phase commit) and leaves the branch as it was.
     */
    public void failNextCommit() {
        failNextCommit.set(true);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return createContext();
    }

    @Override
    public jakarta.jms.Connection createConnection() {
        throw new UnsupportedOperationException("The test factory hands out JMSContexts only");
    }

    @Override
    public jakarta.jms.Connection createConnection(String userName, String password) {
        throw new UnsupportedOperationException("The test factory hands out JMSContexts only");
    }

    @Override
    public void close() {
        for (XAJMSContext c = idleXa.poll(); c != null; c = idleXa.poll()) {
            c.close();
        }
        for (JMSContext c = idlePlain.poll(); c != null; c = idlePlain.poll()) {
            c.close();
        }
    }

    private static JMSContext handle(JMSContext context, Runnable onClose) {
        return (JMSContext) Proxy.newProxyInstance(XaConnectionFactory.class.getClassLoader(),
                new Class<?>[] {JMSContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        onClose.run();
                        return null;
                    }
                    return call(context, method, args);
                });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Returns the transaction's session to the pool once the transaction is over. */
    private final class GiveBack implements Synchronization {
        private final XAJMSContext context;

        GiveBack(XAJMSContext context) {
            this.context = context;
        }

        @Override
        public void beforeCompletion() {
            // nothing to flush: sends reach the broker as they are made
        }

        @Override
        public void afterCompletion(int status) {
            idleXa.add(context);
        }
    }
}
