package io.sourceflow.cdi;

import io.sourceflow.Command;
import io.sourceflow.Envelope;
import io.sourceflow.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * What one thread is processing: the message being handled (the cause of any message created now),
 * whether a replay is running, the events and commands a saga handler defers until its entity is
 * persisted, and, for the in-memory stores, the entity locks and undo actions of the unit of work.
 * One exists per thread from the outermost bus call to its end; it never crosses threads.
 */
final class Unit {

    private int depth;
    Envelope<?> current;
    boolean replaying;
    /** True while a saga handler runs: what it raises and publishes is deferred until it returns. */
    boolean inSagaHandler;
    List<Envelope<? extends Event>> deferredEvents;
    List<Envelope<? extends Command>> deferredCommands;
    private List<Runnable> undo;
    private List<Lock> locks;

    void enter() {
        depth++;
    }

    /** Leaves one level; returns true when the unit of work is over. */
    boolean exit() {
        return --depth == 0;
    }

    void defer(Envelope<? extends Event> event) {
        if (deferredEvents == null) {
            deferredEvents = new ArrayList<>(2);
        }
        deferredEvents.add(event);
    }

    void deferCommand(Envelope<? extends Command> command) {
        if (deferredCommands == null) {
            deferredCommands = new ArrayList<>(2);
        }
        deferredCommands.add(command);
    }

    /** Registers an action that undoes an in-memory write when the unit of work fails. */
    void onRollback(Runnable action) {
        if (undo == null) {
            undo = new ArrayList<>(4);
        }
        undo.add(action);
    }

    /** Keeps a lock the caller has acquired until the unit of work ends. */
    void hold(Lock lock) {
        if (locks == null) {
            locks = new ArrayList<>(2);
        }
        locks.add(lock);
    }

    /** Ends the unit of work: undoes its in-memory writes unless it succeeded, then releases its locks. */
    void finish(boolean succeeded) {
        RuntimeException failure = null;
        if (!succeeded && undo != null) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                try {
                    undo.get(i).run();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (locks != null) {
            locks.forEach(Lock::unlock);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
