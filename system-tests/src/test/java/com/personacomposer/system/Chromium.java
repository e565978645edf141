package com.personacomposer.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium for the browser tests, headless, as root, on a machine without a network beyond loopback. */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Without the background-networking flags Chromium keeps calling hosts this machine cannot reach. */
    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync");

    private Chromium() {
    }

    /** Outside CI a machine without Chromium skips the browser tests; in CI (.ci/run installs it) they fail. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("Chromium is not installed (apt-get install chromium chromium-driver); .ci/run installs it");
        }
    }

    /** A browser with a fresh profile and a window of {@code width} x {@code height}. */
    static ChromeDriver start(int width, int height) throws IOException {
        assumeInstalled();
        List<String> arguments = new ArrayList<>(FLAGS);
        arguments.add("--user-data-dir=" + Files.createTempDirectory("chromium-"));
        arguments.add("--window-size=" + width + "," + height);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
