package io.sourceflow.jpa;

import io.sourceflow.CommandStatus;
import io.sourceflow.spi.CommandStatusStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The command-status store on JPA ({@code sourceflow_command_status}, rows {@link CommandStatusRow}),
 * enabled whenever this module is deployed; it joins the caller's JTA transaction. Servers that
 * share the database share the statuses: the sender's {@code ACCEPTED} is replaced by what the
 * handling server recorded.
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaCommandStatusStore implements CommandStatusStore {

    @Inject
    JpaContext jpa;

    @Override
    public Optional<CommandStatus> find(UUID messageId) {
        Objects.requireNonNull(messageId, "messageId");
        CommandStatusRow row = jpa.entityManager().find(CommandStatusRow.class, messageId.toString());
        return Optional.ofNullable(row).map(r -> new CommandStatus(messageId, CommandStatus.State.valueOf(r.getState()),
                r.getTypeAlias(), r.getEntityId(), r.getSequenceNo(), r.getProblem(), r.getRecordedOn().toInstant()));
    }

    @Override
    public void record(CommandStatus status) {
        Objects.requireNonNull(status, "status");
        EntityManager em = jpa.entityManager();
        String id = status.messageId().toString();
        CommandStatusRow row = em.find(CommandStatusRow.class, id);
        boolean added = row == null;
        if (added) {
            row = new CommandStatusRow(id);
        }
        row.set(status.state().name(), status.messageType(), status.entityId(), status.sequenceNo(), status.problem(),
                OffsetDateTime.ofInstant(status.recordedOn(), ZoneOffset.UTC));
        if (added) {
            em.persist(row);
        }
    }

    @Override
    public int purge(Instant recordedBefore) {
        Objects.requireNonNull(recordedBefore, "recordedBefore");
        return jpa.entityManager().createQuery("DELETE FROM CommandStatusRow s WHERE s.recordedOn < :before")
                .setParameter("before", OffsetDateTime.ofInstant(recordedBefore, ZoneOffset.UTC)).executeUpdate();
    }
}
