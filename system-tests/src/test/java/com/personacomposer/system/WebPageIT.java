package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.EmbeddedInfrastructure;
import com.personacomposer.devstack.FreePorts;
import com.personacomposer.devstack.test.DevStackExtension;
import com.personacomposer.devstack.test.OidcProviderProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** The web page in real headless Chromium against the running system. */
@ExtendWith(DevStackExtension.class)
class WebPageIT {

    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void openBrowser() {
        browser = Chromium.open();
        base = RunningSystem.get().gateway();
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
        WebElement progress = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));
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
        assertThat(browser.findElement(By.id("progress")).isDisplayed()).isFalse();
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
        String requestId = api.post("/api/personas", "{\"name\": \"" + name + "\"}").body().get("requestId").asString();
        String slug = api.get("/api/requests/" + requestId).body().get("slug").asString();
        api.awaitCompleted(requestId);
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
        String slug = createImages(api, name, 5);
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

    /**
     * Sign-in (issue 16) on a system of its own: the devstack OpenID provider on a free port, which the gateway
     * trusts and which sends the page back to it, and a stubbed paid image provider.
     */
    @Test
    void signedInReaderCreatesWithAPaidModelVotesSeesMyPersonasAndDeletes() throws IOException {
        try (OpenAiStub openAi = OpenAiStub.start();
             EmbeddedInfrastructure infra = EmbeddedInfrastructure.forTests(Files.createTempDirectory("web-sign-in-"))) {
            int issuerPort = FreePorts.next();
            try (ServiceProcesses services = ServiceProcesses.start("web-sign-in", infra, Map.of(
                    "PERSONA_OIDC_ISSUER_URI", "http://localhost:" + issuerPort,
                    "OPENAI_API_KEY", "sk-web-test-key",
                    "OPENAI_BASE_URL", openAi.baseUrl(),
                    "STORAGE_ALLOWED_IMAGE_HOSTS", openAi.imageHost(),
                    "PERSONA_RATE_LIMIT_PER_MINUTE", "0"));
                 // The gateway fetches the issuer's keys on first use, so the provider may start after it.
                 OidcProviderProcess provider = OidcProviderProcess.start(issuerPort, List.of(services.gateway()))) {
                SignedInJourney.run(browser, services.gateway(), provider.issuer(), "demo");
            }
        }
    }

    private static List<WebElement> imageCards() {
        return browser.findElements(By.cssSelector("#persona-images .image-card"));
    }

    /** Creates the persona and then more images of it (force), one after another; returns its slug. */
    private static String createImages(Api api, String name, int images) {
        String slug = null;
        for (int i = 0; i < images; i++) {
            Api.Reply accepted = api.post("/api/personas", "{\"name\": \"" + name + "\", \"force\": true}");
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
            slug = accepted.body().get("slug").asString();
            api.awaitCompleted(accepted.body().get("requestId").asString());
        }
        return slug;
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static long naturalWidth(WebElement image) {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", image)).longValue();
    }

    private static boolean loaded(WebElement image) {
        return Chromium.loaded(browser, image);
    }

    private static WebDriverWait wait(int seconds) {
        return Chromium.wait(browser, seconds);
    }

    private static void screenshot(String file) {
        Chromium.screenshot(browser, file);
    }
}
