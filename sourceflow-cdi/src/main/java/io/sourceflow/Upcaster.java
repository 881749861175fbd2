package io.sourceflow;

import jakarta.json.JsonObject;

/**
 * Turns the stored JSON of a message type at one revision into the next revision, so that what
 * older releases wrote (the command log, messages from servers not yet upgraded, dead letters) is
 * still read after a class has changed. A CDI bean annotated {@link Upcasts}, naming the alias and
 * revision it reads; it returns the same alias at the next revision, or {@link Upcasts#to() another
 * alias} at the next revision when the type was renamed.
 *
 * <p>Upcasters are chained: a command stored at revision 1 of a type now at revision 3 passes
 * through the upcaster of revision 1, then that of revision 2. At deployment every chain is checked:
 * a gap, two upcasters for one step, an upcaster of the current revision or a chain that reads a
 * type handled here and ends in an alias no handler takes stops the deployment, listing every
 * problem. The upcasters of a type no handler here reads are left alone (a server that only sends
 * it, or whose saga for it is switched off).
 *
 * <pre>{@code
 * @ApplicationScoped
 * @Upcasts(alias = "bank.DepositMoney", revision = 1)
 * public class DepositMoneyReference implements Upcaster {
 *     private static final JsonProvider JSON = JsonProvider.provider();
 *
 *     public JsonObject upcast(JsonObject payload) {
 *         return JSON.createObjectBuilder(payload).add("reference", "none").build();
 *     }
 * }
 * }</pre>
 *
 * <p>An upcaster is a pure function of its input: it is called on every read of an old message,
 * from any thread, and must not depend on the time or the database. Keep the {@code JsonProvider}
 * in a constant: {@code Json.createObjectBuilder} looks the provider up with a {@code ServiceLoader}
 * on every call, which made a replay through two upcasters three times slower.
 */
@FunctionalInterface
public interface Upcaster {

    /**
     * Maps a payload to the next revision.
     *
     * @param payload the JSON of the message at the revision named by {@link Upcasts}
     * @return its JSON at the next revision, not null
     */
    JsonObject upcast(JsonObject payload);
}
