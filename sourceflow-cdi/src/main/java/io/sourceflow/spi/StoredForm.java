package io.sourceflow.spi;

import java.util.List;
import java.util.Objects;

/**
 * A message as stored or sent: its type alias, the revision of that type it was written at, and
 * its JSON payload. {@link MessageTypes#current(StoredForm)} brings an older form to the current
 * revision; the result names the upcasters it passed through, for the errors of a payload that
 * then does not fit its class.
 *
 * @param alias the type alias
 * @param revision the revision of the type, at least 1
 * @param payload the JSON text of the payload
 * @param upcasters the class names of the upcasters that made this form, in order; empty when stored so
 */
public record StoredForm(String alias, int revision, String payload, List<String> upcasters) {

    /**
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the revision is below 1
     */
    public StoredForm {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(payload, "payload");
        upcasters = List.copyOf(upcasters);
        if (revision < 1) {
            throw new IllegalArgumentException("A revision is at least 1, not " + revision);
        }
    }

    /**
     * A form as it was stored or received.
     *
     * @param alias the type alias
     * @param revision the revision
     * @param payload the JSON text
     */
    public StoredForm(String alias, int revision, String payload) {
        this(alias, revision, payload, List.of());
    }

    /**
     * Says how this form was made, for an error about its payload.
     *
     * @return empty for a stored form, else {@code " (upcast from ... by ...)"}
     */
    public String provenance() {
        return upcasters.isEmpty() ? "" : " (upcast by " + String.join(", then ", upcasters) + ")";
    }
}
