package io.sourceflow.jpa;

import io.sourceflow.spi.Outbox;
import io.sourceflow.spi.OutboxMessage;
import io.sourceflow.spi.Serializer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The outbox on JPA ({@code sourceflow_outbox}, rows {@link OutboxRow}), enabled whenever this module
 * is deployed; it joins the caller's JTA transaction, so a kept message commits with the work that
 * sent it. The properties are kept as a JSON object.
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaOutbox implements Outbox {

    @Inject
    JpaContext jpa;
    @Inject
    Serializer serializer;

    @Override
    public void keep(OutboxMessage message) {
        Objects.requireNonNull(message, "message");
        jpa.entityManager().persist(new OutboxRow(message.cause(), message.position(), message.destination(), message.topic(),
                message.body(), serializer.serialize(message.properties()), OffsetDateTime.ofInstant(message.keptOn(), ZoneOffset.UTC)));
    }

    @Override
    public List<OutboxMessage> kept(String cause) {
        Objects.requireNonNull(cause, "cause");
        return jpa.entityManager().createQuery("SELECT o FROM OutboxRow o WHERE o.cause = :cause ORDER BY o.position", OutboxRow.class)
                .setParameter("cause", cause).getResultList().stream().map(this::message).toList();
    }

    @Override
    public boolean remove(OutboxMessage message) {
        Objects.requireNonNull(message, "message");
        return jpa.entityManager().createQuery("DELETE FROM OutboxRow o WHERE o.cause = :cause AND o.position = :position")
                .setParameter("cause", message.cause()).setParameter("position", message.position()).executeUpdate() == 1;
    }

    @Override
    public List<String> causes(Instant keptBefore, int max) {
        Objects.requireNonNull(keptBefore, "keptBefore");
        return jpa.entityManager().createQuery("SELECT o.cause, MIN(o.keptOn) AS firstKept FROM OutboxRow o"
                        + " WHERE o.keptOn < :before GROUP BY o.cause ORDER BY firstKept", Object[].class)
                .setParameter("before", OffsetDateTime.ofInstant(keptBefore, ZoneOffset.UTC)).setMaxResults(max).getResultList()
                .stream().map(row -> (String) row[0]).toList();
    }

    private OutboxMessage message(OutboxRow row) {
        return new OutboxMessage(row.getCause(), row.getPosition(), row.getDestination(), row.isTopic(), row.getBody(),
                JsonColumns.strings(serializer, row.getProperties()), row.getKeptOn().toInstant());
    }
}
