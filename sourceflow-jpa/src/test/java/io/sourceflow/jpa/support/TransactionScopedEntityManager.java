package io.sourceflow.jpa.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SynchronizationType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * What a container injects for {@code @PersistenceContext}: a proxy that routes each call to the
 * entity manager of the current JTA transaction (made on first use, closed when the transaction
 * ends), or to a short-lived one outside a transaction: closed after the call, or, for a query made
 * outside a transaction, once the query has run, as a container does.
 */
final class TransactionScopedEntityManager {

    private final EntityManagerFactory emf;
    private final TransactionSynchronizationRegistry tsr =
            new com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple();
    private final Object key = new Object();

    TransactionScopedEntityManager(EntityManagerFactory emf) {
        this.emf = emf;
    }

    EntityManager proxy() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> invoke(method, args));
    }

    private Object invoke(Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getMetamodel":
                return emf.getMetamodel();
            case "getEntityManagerFactory":
                return emf;
            case "close":
                throw new IllegalStateException("A container-managed entity manager cannot be closed");
            default:
                break;
        }
        if (tsr.getTransactionStatus() != Status.STATUS_ACTIVE) {
            EntityManager em = emf.createEntityManager();
            if (!method.getName().startsWith("create") || !method.getReturnType().isInterface()) {
                try (em) {
                    return call(em, method, args);
                }
            }
            return closingAfterRun(em, method.getReturnType(), call(em, method, args));
        }
        EntityManager em = (EntityManager) tsr.getResource(key);
        if (em == null) {
            EntityManager created = emf.createEntityManager(SynchronizationType.SYNCHRONIZED);
            created.joinTransaction();
            tsr.putResource(key, created);
            tsr.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // the provider flushes in its own synchronization
                }

                @Override
                public void afterCompletion(int status) {
                    created.close();
                }
            });
            em = created;
        }
        return call(em, method, args);
    }

    /** A query that closes its entity manager once it has run. */
    private static Object closingAfterRun(EntityManager em, Class<?> type, Object query) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            boolean runs = method.getName().startsWith("get") && method.getName().endsWith("Result")
                    || method.getName().equals("getResultList") || method.getName().equals("executeUpdate");
            try {
                Object result = call(query, method, args);
                return result == query ? proxy : result;
            } finally {
                if (runs) {
                    em.close();
                }
            }
        });
    }

    private static Object call(Object em, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(em, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
