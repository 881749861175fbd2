package io.sourceflow.benchmarks.scaling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The Liberty server under test: pauses and resumes an MDB's message endpoint with {@code bin/server}. */
final class ScalingServer {

    private final Path wlp;
    private final String name;

    private ScalingServer(Path wlp, String name) {
        this.wlp = wlp;
        this.name = name;
    }

    static ScalingServer fromSystemProperties() {
        return new ScalingServer(Path.of(System.getProperty("scaling.wlp")), System.getProperty("scaling.server"));
    }

    void pause(Variant variant) throws IOException, InterruptedException {
        run("pause", variant);
    }

    void resume(Variant variant) throws IOException, InterruptedException {
        run("resume", variant);
    }

    private void run(String command, Variant variant) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), command, name, "--target=" + variant.endpoint())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("server " + command + " " + variant.endpoint() + " failed: " + output);
        }
    }
}
