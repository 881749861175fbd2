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
    /** Undo actions (run only when the unit fails) and held locks (always released), in order. */
    private List<Object> endings;

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
        ending(action);
    }

    /** Keeps a lock the caller has acquired until the unit of work ends. */
    void hold(Lock lock) {
        ending(lock);
    }

    private void ending(Object action) {
        if (endings == null) {
            endings = new ArrayList<>(6);
        }
        endings.add(action);
    }

    /** Ends the unit of work: undoes its in-memory writes unless it succeeded, then releases its locks. */
    void finish(boolean succeeded) {
        if (endings == null) {
            return;
        }
        RuntimeException failure = null;
        for (int i = endings.size() - 1; i >= 0; i--) {
            Object ending = endings.get(i);
            try {
                if (ending instanceof Lock lock) {
                    lock.unlock();
                } else if (!succeeded) {
                    ((Runnable) ending).run();
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
