package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.DevStackExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** The web page in real headless Chromium against the running system. */
@Order(7)
@ResourceLock(RunningSystem.LOCK)
@ExtendWith(DevStackExtension.class)
class WebPageIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void openBrowser() throws IOException {
        Chromium.assumeInstalled();
        base = RunningSystem.get().gateway();
        browser = Chromium.open();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void createAPersonaThroughTheFormWatchItsProgressAndSeeImageAndMotto() throws IOException {
        String name = "Ocean Night " + UUID.randomUUID().toString().substring(0, 6);
        browser.get(base + "/");
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#model option")));

        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("description")).sendKeys("deep blue ocean at night, silver glasses");
        browser.findElement(By.cssSelector("#mottoTone option[value='comical']")).click();
        browser.findElement(By.id("submit")).click();

        wait(60).until(ExpectedConditions.urlContains("/p/"));
        WebElement progress = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#request-list .request[data-status='completed']")));
        assertThat(progress.findElement(By.className("request-name")).getText()).isEqualTo(name);
        assertThat(progress.findElements(By.cssSelector(".stages li")))
                .extracting(stage -> stage.getText().replaceAll("\\s+", " "))
                .containsExactly("Image done", "Storage done", "Motto done");
        WebElement image = wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".image-card img")));
        wait(30).until(driver -> loaded(image));
        assertThat(browser.findElement(By.id("persona-title")).getText()).isEqualTo(name);
        assertThat(image.getAttribute("alt")).startsWith("Portrait of " + name);
        WebElement motto = browser.findElement(By.cssSelector(".image-card .motto"));
        assertThat(motto.getText()).isNotBlank();
        assertThat(motto.getCssValue("font-style")).isEqualTo("italic");
        assertThat(browser.findElement(By.cssSelector(".image-card .meta")).getText()).isEqualTo("Created with Local renderer");
        assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("Create another");
        screenshot("persona-page.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth")).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
        screenshot("persona-page-phone.png");
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }

    @Test
    void anEmptyNameShowsTheServersMessageBesideTheField() {
        browser.get(base + "/");
        wait(10).until(ExpectedConditions.elementToBeClickable(By.id("submit"))).click();

        WebElement error = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("name-error")));
        wait(10).until(driver -> !error.getText().isBlank());
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("requests")).isDisplayed()).isFalse();
    }

    @Test
    void anUnknownPersonaPageOffersToCreateIt() {
        browser.get(base + "/p/nobody-here-yet");

        WebElement missing = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("persona-missing")));
        assertThat(missing.getText()).isEqualTo("Nobody Here Yet does not exist yet!");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Nobody Here Yet");
    }

    @Test
    void votingUpdatesTheCounts() {
        String name = "Voter " + UUID.randomUUID().toString().substring(0, 6);
        Api api = new Api(base);
        String slug = api.createImages(name, 1);
        browser.get(base + "/p/" + Api.segment(slug));

        WebElement up = wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".vote.up")));
        assertThat(up.findElement(By.className("count")).getText()).isEqualTo("1");
        up.click();
        wait(10).until(ExpectedConditions.textToBe(By.cssSelector(".vote.up .count"), "2"));
        browser.findElement(By.cssSelector(".vote.down")).click();
        wait(10).until(ExpectedConditions.textToBe(By.cssSelector(".vote.down .count"), "1"));
        assertThat(api.get("/api/personas/" + Api.segment(slug)).body().get("images").get(0).get("downvotes").asInt())
                .isEqualTo(1);
    }

    @Test
    void aPersonaWithSeveralPagesOfImagesLoadsMoreAsTheReaderScrollsShowingThumbnailsAndOriginals() throws IOException {
        String name = "Pages " + UUID.randomUUID().toString().substring(0, 6);
        Api api = new Api(base);
        String slug = api.createImages(name, 5);
        List<String> imageIds = new ArrayList<>();
        api.get("/api/personas/" + Api.segment(slug) + "?limit=100").body().get("images")
                .forEach(image -> imageIds.add(image.get("id").asString()));
        assertThat(imageIds).hasSize(5);

        // A phone's screen holds the first page of two; the next pages come as the reader scrolls down.
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(base + "/p/" + Api.segment(slug) + "?limit=2");
            wait(20).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#persona-images .image-card"), 2));
            assertThat(browser.findElement(By.id("persona-count")).getText()).isEqualTo("5 images");
            ServiceProcesses.sleep(500);
            assertThat(imageCards()).as("nothing more loads before the reader scrolls").hasSize(2);
            wait(20).until(driver -> {
                ((JavascriptExecutor) driver).executeScript("window.scrollBy(0, window.innerHeight)");
                return imageCards().size() == 5;
            });
            assertThat(imageCards()).extracting(card -> card.getAttribute("data-image-id"))
                    .as("every image once, oldest first").containsExactlyElementsOf(imageIds);
            assertThat(browser.findElement(By.id("more-images")).isDisplayed()).isFalse();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1400));
        }

        JsonNode images = api.get("/api/personas/" + Api.segment(slug) + "?limit=100").body().get("images");
        WebElement thumbnail = browser.findElement(By.cssSelector("#persona-images .image-card img"));
        wait(20).until(driver -> loaded(thumbnail));
        assertThat(path(thumbnail.getAttribute("src"))).as("the grid shows thumbnails")
                .isEqualTo(path(images.get(0).get("thumbnailUrl").asString()));
        assertThat(naturalWidth(thumbnail)).isLessThanOrEqualTo(256);

        browser.findElement(By.cssSelector("#persona-images .image-card .open-original")).click();
        WebElement original = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#original img")));
        wait(20).until(driver -> loaded(original));
        assertThat(path(original.getAttribute("src"))).as("the original opens on demand")
                .isEqualTo(path(images.get(0).get("url").asString()));
        assertThat(naturalWidth(original)).isGreaterThan(256);
        screenshot("persona-original.png");
        browser.findElement(By.id("original-close")).click();
        wait(10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("original")));

        browser.get(base + "/");
        browser.findElement(By.id("search")).sendKeys(name);
        WebElement cover = wait(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#gallery-items .card[data-slug='" + slug + "'] img")));
        wait(20).until(driver -> loaded(cover));
        assertThat(path(cover.getAttribute("src"))).as("the gallery shows the newest image's thumbnail")
                .isEqualTo(path(images.get(4).get("thumbnailUrl").asString()));
        screenshot("gallery.png");
    }

    @Test
    void eachImageHasAStableLinkThatOpensItAndADownloadAndDenseScreensGetTheDoubleSizeThumbnail() throws IOException {
        Api api = new Api(base);
        String slug = api.createImages("Shared Sam " + UUID.randomUUID().toString().substring(0, 6), 2);
        JsonNode second = api.get("/api/personas/" + Api.segment(slug)).body().get("images").get(1);
        String imageId = second.get("id").asString();

        // The image's own page opens the persona with that image shown.
        browser.get(base + "/p/" + Api.segment(slug) + "/images/" + imageId);
        WebElement original = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#original img")));
        wait(20).until(driver -> loaded(original));
        assertThat(path(original.getAttribute("src"))).isEqualTo(path(second.get("url").asString()));
        assertThat(browser.findElement(By.cssSelector("meta[property='og:image']")).getAttribute("content"))
                .isEqualTo(base + "/api/personas/" + Api.segment(slug) + "/images/" + imageId + "/original");
        browser.findElement(By.id("original-close")).click();
        wait(10).until(driver -> path(driver.getCurrentUrl()).equals("/p/" + slug));

        // Copy link: the image's own page (a page over plain HTTP but localhost has a clipboard).
        WebElement card = browser.findElement(By.cssSelector("[data-image-id='" + imageId + "']"));
        card.findElement(By.className("copy-link")).click();
        wait(10).until(driver -> !card.findElement(By.className("card-message")).getText().isBlank());
        assertThat(card.findElement(By.className("card-message")).getText()).isIn("Link copied.",
                "Copy this link: " + base + "/p/" + Api.segment(slug) + "/images/" + imageId);
        String download = card.findElement(By.className("download")).getAttribute("href");
        HttpResponse<byte[]> redirect = Api.fetch(download);
        assertThat(redirect.statusCode()).isEqualTo(302);
        HttpResponse<byte[]> file = Api.fetch(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

        // A screen of two device pixels per CSS pixel loads the 512 px thumbnail.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 1400, "deviceScaleFactor", 2, "mobile", false));
        try {
            browser.navigate().refresh();
            WebElement thumbnail = wait(20).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#persona-images .image-card img")));
            wait(20).until(driver -> loaded(thumbnail));
            // naturalWidth divides by the candidate's density (2x): the file chosen tells which one loaded.
            String chosen = (String) browser.executeScript("return arguments[0].currentSrc", thumbnail);
            assertThat(path(chosen)).endsWith(".thumb2x.jpg");
            HttpResponse<byte[]> doubleSize = Api.fetch(chosen);
            assertThat(ImageIO.read(new ByteArrayInputStream(doubleSize.body())).getWidth()).isGreaterThan(256)
                    .isLessThanOrEqualTo(512);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void aFailedGalleryLoadOrVoteIsShownWhereItFailedWithARetry() {
        String slug = new Api(base).createImages("Retried Rae " + UUID.randomUUID().toString().substring(0, 6), 1);
        browser.executeCdpCommand("Network.enable", Map.of());
        try {
            // The persona list cannot be reached: said under the gallery, and "Try again" loads it once it can.
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/personas?*")));
            browser.get(base + "/p/" + Api.segment(slug));
            WebElement problem = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("gallery-problem")));
            assertThat(problem.getText()).contains("The personas could not be loaded");
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/votes")));
            browser.findElement(By.id("gallery-retry")).click();
            wait(20).until(ExpectedConditions.invisibilityOfElementLocated(By.id("gallery-problem")));
            wait(20).until(driver -> !driver.findElements(By.cssSelector("#gallery-items .card")).isEmpty());

            // A vote that does not get through: said on its card, and "Try again" casts it once it can.
            WebElement card = browser.findElement(By.cssSelector("#persona-images .image-card"));
            card.findElement(By.cssSelector(".vote.down")).click();
            WebElement retry = wait(20).until(driver -> {
                WebElement button = card.findElement(By.className("retry"));
                return button.isDisplayed() ? button : null;
            });
            assertThat(card.findElement(By.className("card-message")).getText())
                    .isEqualTo("Your vote was not counted: the server cannot be reached.");
            assertThat(browser.findElement(By.id("form-error")).getText()).as("not in the composer").isEmpty();
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            retry.click();
            wait(20).until(ExpectedConditions.textToBe(By.cssSelector("#persona-images .image-card .vote.down .count"), "1"));
            assertThat(card.findElement(By.className("retry")).isDisplayed()).isFalse();
        } finally {
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            browser.executeCdpCommand("Network.disable", Map.of());
        }
    }

    @Test
    void theHomePageHasASkipLinkCountersOnLimitedFieldsAndSaysASearchsResultCountOnce() {
        String name = "Counted Cleo " + UUID.randomUUID().toString().substring(0, 6);
        new Api(base).createImages(name, 1);
        browser.get(base + "/");
        assertThat(browser.findElements(By.tagName("h1"))).filteredOn(WebElement::isDisplayed)
                .extracting(WebElement::getText).containsExactly("Compose a persona");
        WebElement skip = browser.findElement(By.className("skip-link"));
        assertThat(skip.getAttribute("href")).endsWith("#main");

        browser.findElement(By.id("name")).sendKeys("Zoë");
        assertThat(browser.findElement(By.id("name-count")).getText()).isEqualTo("3 of 80 characters");
        browser.findElement(By.id("description")).sendKeys("x".repeat(801));
        assertThat(browser.findElement(By.id("description-count")).getText()).isEqualTo("1 character too many (801 of 800)");
        assertThat(browser.findElement(By.id("description")).getAttribute("value")).as("nothing typed is cut off").hasSize(801);

        browser.findElement(By.id("search")).sendKeys(name);
        wait(20).until(ExpectedConditions.textToBe(By.id("announcer"), "1 persona matches “" + name + "”."));
        assertThat(browser.findElement(By.id("gallery-items")).getAttribute("aria-live")).isNull();
        assertThat(browser.findElement(By.id("persona-images")).getAttribute("aria-live")).isNull();
    }

    private static List<WebElement> imageCards() {
        return browser.findElements(By.cssSelector("#persona-images .image-card"));
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static long naturalWidth(WebElement image) {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", image)).longValue();
    }

    private static boolean loaded(WebElement image) {
        Object width = ((JavascriptExecutor) browser).executeScript("return arguments[0].complete && arguments[0].naturalWidth", image);
        return width instanceof Number number && number.intValue() > 0;
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String file) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(file), png);
    }
}
