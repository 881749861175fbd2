package io.sourceflow.jpa;

import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterFilter;
import io.sourceflow.spi.DeadLetterStore;
import io.sourceflow.spi.Serializer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
        return list(DeadLetterFilter.all(includeRedriven), 0, max);
    }

    @Override
    public List<DeadLetter> list(DeadLetterFilter filter, int first, int max) {
        if (first < 0 || max < 0) {
            throw new IllegalArgumentException("first and max must not be negative: " + first + ", " + max);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        criterion(where, parameters, "d.typeAlias = :typeAlias", "typeAlias", filter.typeAlias());
        criterion(where, parameters, "d.entityId = :entityId", "entityId", filter.entityId());
        criterion(where, parameters, "d.deadLetteredOn >= :from", "from", filter.parkedFrom() == null ? null : utc(filter.parkedFrom()));
        criterion(where, parameters, "d.deadLetteredOn < :before", "before",
                filter.parkedBefore() == null ? null : utc(filter.parkedBefore()));
        if (!filter.includeRedriven()) {
            where.add("d.redrivenOn IS NULL");
        }
        TypedQuery<DeadLetterRow> query = jpa.entityManager().createQuery("SELECT d FROM DeadLetterRow d"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY d.deadLetteredOn, d.id",
                DeadLetterRow.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList().stream().map(this::letter).toList();
    }

    private static void criterion(List<String> where, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            parameters.put(name, value);
        }
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

    @Override
    public boolean delete(String id) {
        return jpa.entityManager().createQuery("DELETE FROM DeadLetterRow d WHERE d.id = :id")
                .setParameter("id", Objects.requireNonNull(id, "id")).executeUpdate() == 1;
    }

    @Override
    public int purge(Instant parkedBefore) {
        Objects.requireNonNull(parkedBefore, "parkedBefore");
        return jpa.entityManager().createQuery("DELETE FROM DeadLetterRow d WHERE d.deadLetteredOn < :before")
                .setParameter("before", utc(parkedBefore)).executeUpdate();
    }

    private DeadLetter letter(DeadLetterRow row) {
        return new DeadLetter(row.getId(), row.getMessageId(), row.getDestination(), row.getTypeAlias(),
                row.getEntityId(), row.getBody(), JsonColumns.strings(serializer, row.getHeaders()), row.getError(), row.getDeliveryCount(),
                row.getDeadLetteredOn().toInstant(), row.getRedrivenOn() == null ? null : row.getRedrivenOn().toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
