package io.sourceflow.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourceflow.sample.tokens.Tokens;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The sample's replay page ({@code replay.html}) in a real browser, Debian's headless Chromium:
 * without a token it says so (401); with an operator's token typed in, a replay started from it
 * shows its progress bar and ends completed with every account done, as the API reports it; a
 * screenshot of the page is kept in {@code target/screenshots}.
 */
class ReplayPageIT {

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("batch.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1200,800");
        browser = new ChromeDriver(options);
    }

    /**
     * The execution rows as the page shows them now, read in one script (the page redraws its rows
     * every second, so elements found one by one may be gone by the next call).
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, String>> rows() {
        return (List<Map<String, String>>) browser.executeScript("return [...document.querySelectorAll('tr.execution')]"
                + ".map(r => ({id: r.dataset.executionId, status: r.dataset.status,"
                + " counts: r.querySelector('.counts').textContent, value: String(r.querySelector('progress').value),"
                + " max: String(r.querySelector('progress').max)}));");
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /**
     * The page polls every second with whatever the token field holds: once a poll succeeds, the
     * 401 an earlier poll showed is gone, also before the field fires its change event (a poll that
     * was under way when the token was entered answers 401 after the change cleared the message).
     */
    @Test
    void aPollThatSucceedsClearsTheRefusalAnEarlierPollShowed() {
        Server.awaitReady();
        browser.get(Server.uri("/replay.html").toString());
        await("the page asks for a token").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> browser.findElement(By.id("message")).getText(), text -> text.startsWith("HTTP 401"));
        browser.executeScript("document.getElementById('token').value = arguments[0];",
                Tokens.ofBuild().token("operator", Tokens.ADMIN));
        await("the refusal cleared by a poll").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> browser.findElement(By.id("message")).getText(), String::isEmpty);
    }

    @Test
    void aReplayStartedFromThePageShowsItsProgressUntilItIsDone() throws Exception {
        Server.awaitReady();
        browser.get(Server.uri("/replay.html").toString());
        await("the page asks for a token").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> browser.findElement(By.id("message")).getText(), text -> text.startsWith("HTTP 401"));
        browser.findElement(By.id("token")).sendKeys(Tokens.ofBuild().token("operator", Tokens.ADMIN), Keys.TAB);
        await("the token accepted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> browser.findElement(By.id("message")).getText(), String::isEmpty);

        Set<String> before = Http.get(Server.uri("/api/replay-jobs")).array().getValuesAs(JsonObject.class).stream()
                .map(p -> p.getJsonNumber("executionId").toString()).collect(Collectors.toSet());
        browser.findElement(By.id("partitions")).clear();
        browser.findElement(By.id("partitions")).sendKeys("2");
        browser.findElement(By.id("start")).click();

        String execution = await("the new execution on the page").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> rows().stream().map(row -> row.get("id")).filter(id -> !before.contains(id)).findFirst()
                        .orElse(null), id -> id != null);
        Map<String, String> done = await("the execution completed on the page").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> rows().stream().filter(row -> row.get("id").equals(execution)).findFirst().orElse(null),
                        row -> row != null && row.get("status").equals("COMPLETED"));
        JsonObject progress = Http.get(Server.uri("/api/replay-jobs/" + execution)).json();
        assertThat(progress.getString("status")).isEqualTo("COMPLETED");
        assertThat(done.get("counts")).isEqualTo(progress.getJsonNumber("done") + " / " + progress.getJsonNumber("total"));
        assertThat(progress.getJsonNumber("done").longValue()).isEqualTo(progress.getJsonNumber("total").longValue());
        assertThat(done.get("value")).isEqualTo(done.get("max"));
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();

        Path screenshots = Path.of(System.getProperty("batch.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("replay-page.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
