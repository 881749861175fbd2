package io.sourceflow.sample.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the sample server has written to its log since a point: Open Liberty's {@code messages.log} and its FFDC
 * incident files ({@code sample.wlp.home}, {@code sample.server.name}), or WildFly's {@code server.log}
 * ({@code sample.wildfly.home}).
 */
final class ServerLog {

    /** A line of a stack trace from the application's request, or a server's report of one. */
    private static final Predicate<String> REPORTED_FAILURE = line -> line.contains("FFDC1015I")
            || line.contains("EntityExistsException") || line.contains("EntityNotFoundException")
            || line.contains("BusinessRuleException") || line.contains("ConcurrencyException")
            || line.contains("DuplicateKeyException") || line.contains("IntegrityConstraint") || line.contains("duplicate key")
            || line.matches("\\s+at (io\\.sourceflow|org\\.eclipse\\.persistence|org\\.hibernate)\\..*");

    private final Path log;
    private final Path incidents;
    private final long start;
    private final Set<Path> incidentsBefore;

    private ServerLog(Path log, Path incidents) {
        this.log = log;
        this.incidents = incidents;
        try {
            this.start = Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException("The server log " + log + " cannot be read", e);
        }
        this.incidentsBefore = incidents();
    }

    /**
     * Marks the log's current end.
     *
     * @return the log from here on
     */
    static ServerLog fromNow() {
        String wlp = System.getProperty("sample.wlp.home");
        if (wlp != null) {
            Path server = Path.of(wlp, "usr", "servers", System.getProperty("sample.server.name"), "logs");
            return new ServerLog(server.resolve("messages.log"), server.resolve("ffdc"));
        }
        String wildfly = System.getProperty("sample.wildfly.home");
        if (wildfly != null) {
            return new ServerLog(Path.of(wildfly, "standalone", "log", "server.log"), null);
        }
        throw new IllegalStateException("No server log to read: set sample.wlp.home and sample.server.name (Open Liberty) "
                + "or sample.wildfly.home (WildFly)");
    }

    /** @return the log file */
    Path file() {
        return log;
    }

    /**
     * The lines written since the mark that report one of the sample's expected outcomes (exists, not found, a
     * business rule, a conflict) as a failure: an exception's name, a stack frame of the application or its JPA
     * provider, or an incident (FFDC).
     *
     * @return those lines
     */
    List<String> failuresReportedSince() {
        return linesSince().stream().filter(REPORTED_FAILURE).toList();
    }

    /** @return the lines written since the mark */
    private List<String> linesSince() {
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(start);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The server log " + log + " cannot be read", e);
        }
    }

    /** @return the incident files (Open Liberty's FFDC) written since the mark; none on WildFly */
    List<Path> incidentsSince() {
        return incidents().stream().filter(p -> !incidentsBefore.contains(p)).sorted().toList();
    }

    private Set<Path> incidents() {
        if (incidents == null || !Files.isDirectory(incidents)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(incidents)) {
            return files.filter(p -> p.getFileName().toString().startsWith("ffdc_")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("The incident directory " + incidents + " cannot be read", e);
        }
    }
}
