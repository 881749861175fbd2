package io.sourceflow.jpa;

import io.sourceflow.Command;
import io.sourceflow.ConcurrencyException;
import io.sourceflow.Envelope;
import io.sourceflow.spi.CommandDispatchMiddleware;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the concurrency conflicts that pass through command dispatch (outside {@link FlushPerCommand}). */
@ApplicationScoped
public class ConflictCounter implements CommandDispatchMiddleware {

    private final AtomicInteger conflicts = new AtomicInteger();

    @Override
    public void handle(Envelope<? extends Command> envelope, Next<Command> next) {
        try {
            next.proceed(envelope);
        } catch (ConcurrencyException e) {
            conflicts.incrementAndGet();
            throw e;
        }
    }

    @Override
    public int getPriority() {
        return FlushPerCommand.PRIORITY - 10;
    }

    int conflicts() {
        return conflicts.get();
    }
}
