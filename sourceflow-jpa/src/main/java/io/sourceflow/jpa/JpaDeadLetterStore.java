package io.sourceflow.jpa;

import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterStore;
import io.sourceflow.spi.Serializer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dead-letter store on JPA ({@code sourceflow_dead_letter}, rows {@link DeadLetterRow}),
 * enabled whenever this module is deployed. Parking and marking re-driven join the caller's JTA
 * transaction; the headers are kept as a JSON object. Times are stored in UTC at the database's
 * precision (microseconds on PostgreSQL and H2).
 */
@ApplicationScoped
@Alternative
@Priority(JpaStores.PRIORITY)
public class JpaDeadLetterStore implements DeadLetterStore {

    @Inject
    JpaContext jpa;
    @Inject
    Serializer serializer;

    @Override
    public void park(DeadLetter letter) {
        Objects.requireNonNull(letter, "letter");
        DeadLetterRow row = new DeadLetterRow(letter.id(), letter.messageId(), letter.destination(), letter.body(),
                serializer.serialize(letter.headers()), letter.error(), letter.deliveryCount(), utc(letter.deadLetteredOn()));
        row.setTypeAlias(letter.typeAlias());
        row.setEntityId(letter.entityId());
        if (letter.redrivenOn() != null) {
            row.setRedrivenOn(utc(letter.redrivenOn()));
        }
        jpa.entityManager().persist(row);
    }

    @Override
    public List<DeadLetter> list(boolean includeRedriven, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        String where = includeRedriven ? "" : " WHERE d.redrivenOn IS NULL";
        return jpa.entityManager()
                .createQuery("SELECT d FROM DeadLetterRow d" + where + " ORDER BY d.deadLetteredOn, d.id", DeadLetterRow.class)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(this::letter)
                .toList();
    }

    @Override
    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(jpa.entityManager().find(DeadLetterRow.class, Objects.requireNonNull(id, "id")))
                .map(this::letter);
    }

    @Override
    public Optional<DeadLetter> markRedriven(String id, Instant when) {
        Objects.requireNonNull(when, "when");
        DeadLetterRow row = jpa.entityManager().find(DeadLetterRow.class, Objects.requireNonNull(id, "id"));
        if (row == null) {
            return Optional.empty();
        }
        row.setRedrivenOn(utc(when));
        return Optional.of(letter(row));
    }

    private DeadLetter letter(DeadLetterRow row) {
        Map<?, ?> stored = serializer.deserialize(row.getHeaders(), Map.class);
        Map<String, String> headers = new LinkedHashMap<>();
        stored.forEach((name, value) -> headers.put(String.valueOf(name), String.valueOf(value)));
        return new DeadLetter(row.getId(), row.getMessageId(), row.getDestination(), row.getTypeAlias(),
                row.getEntityId(), row.getBody(), headers, row.getError(), row.getDeliveryCount(),
                row.getDeadLetteredOn().toInstant(), row.getRedrivenOn() == null ? null : row.getRedrivenOn().toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
