package io.sourceflow.jpa.support;

import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.jboss.weld.injection.spi.JpaInjectionServices;
import org.jboss.weld.injection.spi.ResourceReference;
import org.jboss.weld.injection.spi.ResourceReferenceFactory;

/** Resolves {@code @PersistenceContext} and {@code @PersistenceUnit} in Weld SE, as a server would. */
final class TestJpaInjection implements JpaInjectionServices {

    private final EntityManagerFactory emf;
    private final EntityManager entityManager;

    TestJpaInjection(EntityManagerFactory emf) {
        this.emf = emf;
        this.entityManager = new TransactionScopedEntityManager(emf).proxy();
    }

    @Override
    public ResourceReferenceFactory<EntityManager> registerPersistenceContextInjectionPoint(InjectionPoint point) {
        return () -> reference(entityManager);
    }

    @Override
    public ResourceReferenceFactory<EntityManagerFactory> registerPersistenceUnitInjectionPoint(InjectionPoint point) {
        return () -> reference(emf);
    }

    @Override
    public void cleanup() {
        // the factory belongs to the test's Database
    }

    private static <T> ResourceReference<T> reference(T instance) {
        return new ResourceReference<>() {
            @Override
            public T getInstance() {
                return instance;
            }

            @Override
            public void release() {
                // shared
            }
        };
    }
}
