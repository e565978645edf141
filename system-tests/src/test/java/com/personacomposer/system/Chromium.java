package com.personacomposer.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Headless, as root, and without the background networking that keeps calling hosts this machine cannot reach. */
    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync");

    private Chromium() {
    }

    /** Skips the test where Chromium is missing, except in CI (.ci/run installs it, so there it fails). */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("Chromium is not installed (apt-get install chromium chromium-driver); .ci/run installs it");
        }
    }

    /** A new browser with a profile of its own, in a 1280 x 1400 window. */
    static ChromeDriver open() {
        return open(1280, 1400);
    }

    static ChromeDriver open(int width, int height) {
        assumeInstalled();
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The console (blocked requests, Content-Security-Policy reports) for failure messages: consoleLog().
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            options.addArguments(FLAGS);
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("chromium-"),
                    "--window-size=" + width + "," + height);
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
