package io.sourceflow.cdi.pipeline;

import io.sourceflow.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the test plug-ins saw, in order. */
@ApplicationScoped
public class Journal {

    public record Entry(String who, String message, boolean replay) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public void record(String who, Envelope<?> envelope) {
        entries.add(new Entry(who, envelope.message().getClass().getSimpleName(), envelope.metadata().replay()));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<String> who() {
        return entries.stream().map(Entry::who).toList();
    }

    public void clear() {
        entries.clear();
    }
}
