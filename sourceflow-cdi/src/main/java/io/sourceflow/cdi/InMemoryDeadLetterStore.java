package io.sourceflow.cdi;

import io.sourceflow.spi.DeadLetter;
import io.sourceflow.spi.DeadLetterFilter;
import io.sourceflow.spi.DeadLetterStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default dead-letter store, in memory; writes of a failed unit of work or JTA transaction are undone. */
@ApplicationScoped
public class InMemoryDeadLetterStore implements DeadLetterStore {

    private final Map<String, DeadLetter> letters = new ConcurrentHashMap<>();

    @Inject
    UnitOfWork transaction;

    @Override
    public void park(DeadLetter letter) {
        write(letter);
    }

    @Override
    public List<DeadLetter> list(boolean includeRedriven, int max) {
        return list(DeadLetterFilter.all(includeRedriven), 0, max);
    }

    @Override
    public List<DeadLetter> list(DeadLetterFilter filter, int first, int max) {
        return letters.values().stream()
                .filter(filter::matches)
                .sorted(Comparator.comparing(DeadLetter::deadLetteredOn).thenComparing(DeadLetter::id))
                .skip(first)
                .limit(max)
                .toList();
    }

    @Override
    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(letters.get(id));
    }

    @Override
    public Optional<DeadLetter> markRedriven(String id, Instant when) {
        return find(id).map(letter -> write(letter.redriven(when)));
    }

    @Override
    public boolean delete(String id) {
        DeadLetter removed = letters.remove(id);
        if (removed != null) {
            transaction.undoOnRollback(() -> letters.putIfAbsent(removed.id(), removed));
        }
        return removed != null;
    }

    @Override
    public int purge(Instant parkedBefore) {
        int purged = 0;
        for (DeadLetter letter : List.copyOf(letters.values())) {
            if (letter.deadLetteredOn().isBefore(parkedBefore) && delete(letter.id())) {
                purged++;
            }
        }
        return purged;
    }

    private DeadLetter write(DeadLetter letter) {
        DeadLetter previous = letters.put(letter.id(), letter);
        transaction.undoOnRollback(() -> {
            if (previous == null) {
                letters.remove(letter.id(), letter);
            } else {
                letters.put(previous.id(), previous);
            }
        });
        return letter;
    }
}
