package io.sourceflow.jpa;

import io.sourceflow.spi.Inbox;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * The inbox on JPA ({@code sourceflow_inbox}), enabled whenever this module is deployed: an entry
 * is written in the transaction that processes the message, so it exists exactly when that work
 * was committed. A look-up by primary key finds a redelivered duplicate; two deliveries of one
 * message racing in parallel meet at the primary key, and the loser's transaction fails at commit
 * (the broker delivers it again, and then the look-up finds it). Needs an active JTA transaction.
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaInbox implements Inbox {

    @Inject
    JpaContext jpa;

    @Override
    public boolean record(String consumer, UUID messageId) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(messageId, "messageId");
        EntityManager em = jpa.entityManager();
        String id = messageId.toString();
        if (em.find(InboxEntry.class, new InboxEntry.Key(consumer, id)) != null) {
            return false;
        }
        em.persist(new InboxEntry(consumer, id, OffsetDateTime.now(ZoneOffset.UTC)));
        return true;
    }

    @Override
    public int purge(Instant recordedBefore) {
        Objects.requireNonNull(recordedBefore, "recordedBefore");
        return jpa.entityManager().createQuery("DELETE FROM InboxEntry e WHERE e.receivedOn < :before")
                .setParameter("before", OffsetDateTime.ofInstant(recordedBefore, ZoneOffset.UTC)).executeUpdate();
    }
}
