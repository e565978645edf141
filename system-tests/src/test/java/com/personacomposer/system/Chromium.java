package com.personacomposer.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium through its chromedriver, for the browser tests; screenshots go to target/screenshots. */
final class Chromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** A new browser with a profile of its own; the test is skipped where Chromium is missing, except in CI. */
    static WebDriver open() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("Chromium is not installed (apt-get install chromium chromium-driver); .ci/run installs it");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The console (blocked requests, Content-Security-Policy reports) for failure messages: consoleLog().
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("chromium-"), "--window-size=1280,1400");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            Files.createDirectories(SCREENSHOTS);
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebDriverWait wait(WebDriver browser, int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    static void screenshot(WebDriver browser, String file) {
        try {
            Files.write(SCREENSHOTS.resolve(file), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page wrote to the browser's console so far (errors first among them: refused connections). */
    static String consoleLog(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .collect(Collectors.joining("\n"));
    }

    /** Whether the image has loaded (a broken or blocked one has no natural width). */
    static boolean loaded(WebDriver browser, WebElement image) {
        Object width = ((JavascriptExecutor) browser).executeScript("return arguments[0].complete && arguments[0].naturalWidth", image);
        return width instanceof Number number && number.intValue() > 0;
    }
}
