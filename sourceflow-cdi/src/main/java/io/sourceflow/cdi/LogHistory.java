package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.Envelope;
import io.sourceflow.History;
import io.sourceflow.spi.CommandStore;
import io.sourceflow.spi.MessageTypes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The {@link History} of the runtime's log, read in the current unit of work (or one of its own). */
final class LogHistory implements History {

    private final CommandStore log;
    private final MessageTypes types;
    private final UnitOfWork transaction;
    private final LoggedTypes entityTypes;

    LogHistory(CommandStore log, HandlerRegistry registry, UnitOfWork transaction) {
        this.log = log;
        this.types = registry.messageTypes();
        this.transaction = transaction;
        this.entityTypes = new LoggedTypes(registry);
    }

    @Override
    public List<Entry> page(Class<?> entityType, EntityRef entity, long afterSequenceNo, int max) {
        Objects.requireNonNull(entity, "entity");
        if (afterSequenceNo < 0 || max < 1) {
            throw new IllegalArgumentException("A page of the history of entity '" + entity.id() + "' starts after a"
                    + " sequence number of 0 or more and holds at least 1 command, not after " + afterSequenceNo
                    + " with at most " + max);
        }
        return transaction.run(() -> {
            Optional<String> type = entityTypes.of(entityType, entity.id(), log);
            if (type.isEmpty()) {
                return List.of();
            }
            try (Stream<Envelope<Command>> commands = log.load(type.get(), entity.id(), afterSequenceNo)) {
                return commands.limit(max)
                        .map(c -> new Entry(c.message(), c.metadata(), types.aliasOf(c.message().getClass())))
                        .toList();
            }
        });
    }

    @Override
    public List<String> entityIds(Class<?> entityType, String afterId, int max) {
        Objects.requireNonNull(entityType, "entityType");
        if (max < 1) {
            throw new IllegalArgumentException("A page of entity ids holds at least 1 id, not " + max);
        }
        String name = entityTypes.nameOf(entityType);
        return transaction.run(() -> log.entityIds(name, afterId, max));
    }
}
