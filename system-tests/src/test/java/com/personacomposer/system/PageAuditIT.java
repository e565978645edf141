package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.personacomposer.devstack.test.DevStackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page as its readers meet it, audited: axe-core (WCAG 2.1 A and AA, and best practices) finds nothing on the
 * home page and on a persona page with three images, on a desktop and on a phone screen, light and dark; Lighthouse 12
 * (mobile) scores both pages 100 for accessibility, best practices and SEO and at least 95 for performance.
 * <p>
 * Lighthouse's performance score comes from a simulation over the page's own work, so a CPU busy with other things
 * lowers it (here, on a busy machine, a run now and then paints its first frame late and scores 92-95 where the
 * next scores 100). A page is audited up to five times and judged by its best performance score: a regression such as
 * a layout shift, a blocking resource or a heavy script fails every run, noise seldom fails five. The other three
 * categories do not depend on the CPU and must be 100 every time.
 */
@Order(8)
@Isolated
@ExtendWith(DevStackExtension.class)
class PageAuditIT {

    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    private static final int PERFORMANCE = 95;
    private static final int RUNS = 5;

    private static ChromeDriver browser;
    private static String base;
    private static String personaPage;

    @BeforeAll
    static void personaWithThreeImages() throws IOException {
        Chromium.assumeInstalled();
        base = RunningSystem.get().gateway();
        Api api = new Api(base);
        String slug = api.createImages("Audited " + UUID.randomUUID().toString().substring(0, 6), 3);
        personaPage = base + "/p/" + Api.segment(slug);
        browser = Chromium.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void axeFindsNoViolationOnTheHomeAndAPersonaPageOnADesktopAndAPhoneLightAndDark() {
        List<String> violations = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            colorScheme(browser, scheme);
            for (Dimension screen : List.of(new Dimension(1280, 1400), new Dimension(390, 844))) {
                browser.manage().window().setSize(screen);
                browser.get(base + "/");
                awaitGallery(browser);
                violations.addAll(axe(browser, "home, " + scheme + ", " + screen));
                browser.get(personaPage);
                awaitImages(browser, 3);
                violations.addAll(axe(browser, "persona page, " + scheme + ", " + screen));
            }
        }
        colorScheme(browser, "light");
        browser.manage().window().setSize(new Dimension(1280, 1400));

        assertThat(violations).isEmpty();
    }

    @Test
    void lighthouseScoresTheHomePage() throws Exception {
        assertScores(base + "/", "home");
    }

    @Test
    void lighthouseScoresAPersonaPageWithThreeImages() throws Exception {
        assertScores(personaPage, "persona-page");
    }

    private static void assertScores(String url, String name) throws Exception {
        Lighthouse.Report best = null;
        for (int run = 1; run <= RUNS; run++) {
            Lighthouse.Report report = Lighthouse.audit(url, name + "-" + run);
            System.out.println("Lighthouse " + name + " run " + run + " (load " + loadAverage() + "): " + report);
            for (String category : List.of("accessibility", "best-practices", "seo")) {
                assertThat(report.score(category)).as(category + " of " + url + ": " + Lighthouse.failures(report))
                        .isEqualTo(100);
            }
            if (best == null || report.score("performance") > best.score("performance")) {
                best = report;
            }
            if (best.score("performance") >= PERFORMANCE) {
                break;
            }
        }
        assertThat(best.score("performance")).as("performance of " + url + " (best of " + RUNS + "): " + best + " "
                + Lighthouse.failures(best)).isGreaterThanOrEqualTo(PERFORMANCE);
    }

    /** Every violation axe finds on the page as it is now, one line each (none: an empty list). */
    static List<String> axe(WebDriver browser, String where) {
        Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(browser);
        List<String> found = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            found.add(where + ": " + violation.getId() + " (" + violation.getHelp() + ") at "
                    + violation.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
        }
        return found;
    }

    /** Emulates the reader's colour-scheme preference (prefers-color-scheme). */
    static void colorScheme(ChromeDriver browser, String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static void awaitGallery(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(
                By.id("gallery-items"), "aria-busy", "false"));
    }

    /** The persona's cards are there and the first one's image has loaded (the others load as they scroll in). */
    private static void awaitImages(WebDriver browser, int count) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("const images = document.querySelectorAll('#persona-images .image-card img');"
                        + "return images.length === arguments[0] && images[0].complete && images[0].naturalWidth > 0;",
                        count));
        awaitGallery(browser);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
