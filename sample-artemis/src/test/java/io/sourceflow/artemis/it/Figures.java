package io.sourceflow.artemis.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends what the tests measured to {@code target/artemis-figures.txt}, for the record (not asserted). */
final class Figures {

    private static final Path FILE = Path.of(System.getProperty("art.figures", "target/artemis-figures.txt"));

    private Figures() {
    }

    static void record(String line) {
        try {
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
