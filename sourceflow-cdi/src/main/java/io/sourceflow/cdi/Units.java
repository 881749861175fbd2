package io.sourceflow.cdi;

import jakarta.inject.Singleton;

/**
 * Tracks the {@link Unit} of each thread. The unit begins with the outermost bus or queue call and
 * is removed from the thread when that call returns, so no state outlives a message. A
 * {@code @Singleton}: injected as itself, with no client proxy on the per-message path.
 */
@Singleton
public class Units {

    private final ThreadLocal<Unit> units = new ThreadLocal<>();

    /** The current thread's unit, or null when the thread is not processing a message. */
    Unit current() {
        return units.get();
    }

    /** Enters the current thread's unit, beginning one when there is none; pair with {@link #end}. */
    Unit begin() {
        Unit unit = units.get();
        if (unit == null) {
            unit = new Unit();
            units.set(unit);
        }
        unit.enter();
        return unit;
    }

    /** Leaves the unit; the outermost call ends it, keeping or undoing its in-memory writes. */
    void end(Unit unit, boolean succeeded) {
        if (unit.exit()) {
            units.remove();
            unit.finish(succeeded);
        }
    }
}
