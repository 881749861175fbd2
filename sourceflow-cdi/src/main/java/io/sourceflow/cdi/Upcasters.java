package io.sourceflow.cdi;

import io.sourceflow.MessageFormatException;
import io.sourceflow.NewerRevisionException;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.Upcaster;
import io.sourceflow.UpcastingException;
import io.sourceflow.spi.SafeText;
import io.sourceflow.spi.StoredForm;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the chains of upcasters that the deployment checked ({@link UpcasterRules}): a stored form of
 * an older revision is parsed once, passed through one upcaster per revision (following renames),
 * and written back as JSON text at the registered class's revision.
 */
final class Upcasters {

    /** An upcaster with the step it makes, from its {@link io.sourceflow.Upcasts}. */
    record Link(UpcasterRules.Step from, String to, String name, Upcaster upcaster) {

        String describe() {
            return "upcaster " + name + " (revision " + from.revision() + " of '" + from.alias() + "' to revision "
                    + (from.revision() + 1) + " of '" + to + "')";
        }
    }

    private final Map<String, Integer> revisions;
    private final Map<UpcasterRules.Step, Link> links;
    private final JsonProvider json;
    private final Set<String> readAliases;

    /**
     * @param revisions the current revision of every registered alias
     * @param links the upcasters, by the step they read
     */
    Upcasters(Map<String, Integer> revisions, Map<UpcasterRules.Step, Link> links) {
        this.revisions = Map.copyOf(revisions);
        this.links = Map.copyOf(links);
        this.json = links.isEmpty() ? null : JsonProvider.provider();
        this.readAliases = links.keySet().stream().filter(step -> currentAlias(step.alias(), step.revision()).isPresent())
                .map(UpcasterRules.Step::alias).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether an upcaster reads some revision of the alias into a type registered here (the upcasters of
     * a type this deployment only sends, or does not know, read nothing here).
     */
    boolean reads(String alias) {
        return readAliases.contains(alias);
    }

    /**
     * The alias a stored form's chain of upcasters ends at, without running them: the current alias of
     * a type renamed since; empty when no chain leads to a registered type or the revision is newer.
     */
    Optional<String> currentAlias(String alias, int revision) {
        String at = alias;
        for (int step = revision; step >= 1 && step <= revision + links.size(); step++) {
            Integer now = revisions.get(at);
            if (now != null && step >= now) {
                return step == now ? Optional.of(at) : Optional.empty();
            }
            Link link = links.get(new UpcasterRules.Step(at, step));
            if (link == null) {
                return Optional.empty();
            }
            at = link.to();
        }
        return Optional.empty();
    }

    StoredForm current(StoredForm stored) {
        Integer now = revisions.get(stored.alias());
        if (now != null && now == stored.revision()) {
            return stored;
        }
        String alias = stored.alias();
        int revision = stored.revision();
        JsonObject payload = null;
        List<String> passed = new ArrayList<>();
        while (now == null || revision != now) {
            if (now != null && revision > now) {
                throw new NewerRevisionException("revision " + revision + " of '" + SafeText.forLog(alias)
                        + "' is newer than the revision this application knows, " + now);
            }
            Link link = links.get(new UpcasterRules.Step(alias, revision));
            if (link == null) {
                throw new UnknownMessageTypeException(now == null
                        ? "no message type is registered under the alias '" + SafeText.forLog(alias) + "' (revision " + revision
                                + "), and no upcaster reads it"
                        : "no upcaster reads revision " + revision + " of '" + SafeText.forLog(alias) + "' (the current revision is "
                                + now + ")");
            }
            payload = apply(link, payload == null ? parse(stored) : payload);
            passed.add(link.name());
            alias = link.to();
            revision++;
            now = revisions.get(alias);
        }
        // the loop ran at least once: a current form returned above
        return new StoredForm(alias, revision, payload.toString(), passed);
    }

    private static JsonObject apply(Link link, JsonObject payload) {
        JsonObject next;
        try {
            next = link.upcaster().upcast(payload);
        } catch (RuntimeException e) {
            throw new UpcastingException(link.describe() + " failed: " + SafeText.forLog(e.toString()), e);
        }
        if (next == null) {
            throw new UpcastingException(link.describe() + " returned null", null);
        }
        return next;
    }

    /** Only reached through a link, so {@link #json} was made. */
    private JsonObject parse(StoredForm stored) {
        try (JsonReader reader = json.createReader(new StringReader(stored.payload()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MessageFormatException("the payload of revision " + stored.revision() + " of '"
                    + SafeText.forLog(stored.alias()) + "' is not a JSON object: " + SafeText.forLog(e.getMessage()), e);
        }
    }
}
