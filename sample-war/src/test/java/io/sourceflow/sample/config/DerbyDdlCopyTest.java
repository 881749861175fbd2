package io.sourceflow.sample.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * liberty-config/sql/derby-sourceflow.sql must stay the Derby DDL that sourceflow-jpa ships, only
 * reformatted to one statement per line for EclipseLink's script runner.
 */
class DerbyDdlCopyTest {

    @Test
    void theServersDerbyScriptIsTheShippedDdlOneStatementPerLine() throws IOException {
        String shipped;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/META-INF/sourceflow/ddl/derby.sql"),
                "sourceflow-jpa's derby.sql on the class path")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> copy = Files.readAllLines(Path.of("..", "liberty-config", "sql", "derby-sourceflow.sql"));

        assertThat(copy).containsExactlyElementsOf(statements(shipped));
        assertThat(copy).allSatisfy(line -> assertThat(line).doesNotEndWith(";").doesNotStartWith("--"));
    }

    private static List<String> statements(String script) {
        String withoutComments = String.join("\n", script.lines().filter(l -> !l.strip().startsWith("--")).toList());
        return Arrays.stream(withoutComments.split(";"))
                .map(s -> s.replaceAll("\\s+", " ").strip().replace("( ", "("))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
