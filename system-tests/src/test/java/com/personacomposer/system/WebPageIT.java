package com.personacomposer.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.personacomposer.devstack.EmbeddedInfrastructure;
import com.personacomposer.devstack.FreePorts;
import com.personacomposer.devstack.test.DevStackExtension;
import com.personacomposer.devstack.test.OidcProviderProcess;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** The web page in real headless Chromium against the running system. */
@ExtendWith(DevStackExtension.class)
class WebPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void openBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("Chromium is not installed (apt-get install chromium chromium-driver); .ci/run installs it");
        }
        base = RunningSystem.get().gateway();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("chromium-"), "--window-size=1280,1400");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
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
        awaitCompleted(api, requestId);
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
        WireMockServer openAi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        openAi.start();
        try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.forTests(Files.createTempDirectory("web-sign-in-"))) {
            int issuerPort = FreePorts.next();
            String issuer = "http://localhost:" + issuerPort;
            String stub = "http://127.0.0.1:" + openAi.port();
            stubOpenAi(openAi, stub);
            try (ServiceProcesses services = ServiceProcesses.start("web-sign-in", infra, Map.of(
                    "PERSONA_OIDC_ISSUER_URI", issuer,
                    "OPENAI_API_KEY", "sk-web-test-key",
                    "OPENAI_BASE_URL", stub + "/v1",
                    "STORAGE_ALLOWED_IMAGE_HOSTS", "127.0.0.1:" + openAi.port(),
                    "PERSONA_RATE_LIMIT_PER_MINUTE", "0"));
                 // The gateway fetches the issuer's keys on first use, so the provider may start after it.
                 OidcProviderProcess provider = OidcProviderProcess.start(issuerPort, List.of(services.gateway()))) {
                signInCreateVoteListAndDelete(services.gateway(), provider.issuer());
            }
        } finally {
            openAi.stop();
        }
    }

    private static void signInCreateVoteListAndDelete(String gateway, String issuer) throws IOException {
        Api api = new Api(gateway);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Reply anonymous = api.post("/api/personas", "{\"name\": \"Not Mine " + suffix + "\", \"model\": \"local\"}");
        assertThat(anonymous.status()).as("anonymous callers still create with the free model").isEqualTo(202);
        String notMine = anonymous.body().get("slug").asString();
        awaitCompleted(api, anonymous.body().get("requestId").asString());
        String dallE = "";
        for (JsonNode model : api.get("/api/models").body().get("models")) {
            if (model.get("id").asString().equals("dall-e")) {
                dallE = model.get("name").asString();
            }
        }

        assertThat(dallE).as("image-service offers dall-e with the stubbed provider's key").isNotEmpty();

        // Signed out: the paid model is offered but disabled, with a hint.
        browser.get(gateway + "/");
        WebElement signIn = wait(20).until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
        WebElement paidModel = wait(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#model option[value='dall-e']")));
        assertThat(paidModel.isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("model-help")).getText()).contains("Sign in to create with " + dallE);

        // Sign in as a browser does: the provider's login form, then back to the page with a code (PKCE).
        signIn.click();
        wait(20).until(ExpectedConditions.urlContains(issuer));
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("demo");
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit'], input[type='submit']")).click();
        wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway + "/");
        wait(10).until(ExpectedConditions.textToBe(By.id("account-name"), "demo"));
        String quotaBefore = wait(10).until(driver -> {
            String text = driver.findElement(By.id("account-quota")).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(quotaBefore).matches("\\d+ of \\d+ paid images left today");

        // A paid model through the stubbed provider.
        String name = "Signed In " + suffix;
        // The models load after the account: the paid one is enabled once both are there.
        wait(20).until(driver -> driver.findElement(By.cssSelector("#model option[value='dall-e']")).isEnabled());
        browser.findElement(By.cssSelector("#model option[value='dall-e']")).click();
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("submit")).click();
        wait(90).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".image-card .meta")));
        wait(10).until(ExpectedConditions.textToBe(By.cssSelector(".image-card .meta"), "Created with " + dallE));
        String slug = URI.create(browser.getCurrentUrl()).getPath().substring("/p/".length());
        int left = Integer.parseInt(quotaBefore.split(" ")[0]);
        wait(10).until(ExpectedConditions.textMatches(By.id("account-quota"), Pattern.compile(
                "^" + (left - 1) + " of ")));
        screenshot("signed-in-persona.png");

        // One's own vote shows as pressed (a new image has its creator's up vote); pressing it again withdraws it.
        wait(10).until(ExpectedConditions.attributeToBe(By.cssSelector(".vote.up"), "aria-pressed", "true"));
        browser.findElement(By.cssSelector(".vote.down")).click();
        wait(10).until(ExpectedConditions.attributeToBe(By.cssSelector(".vote.down"), "aria-pressed", "true"));
        assertThat(browser.findElement(By.cssSelector(".vote.down .count")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(".vote.up")).getAttribute("aria-pressed")).isEqualTo("false");
        browser.findElement(By.cssSelector(".vote.down")).click();
        wait(10).until(ExpectedConditions.attributeToBe(By.cssSelector(".vote.down"), "aria-pressed", "false"));
        assertThat(browser.findElement(By.cssSelector(".vote.down .count")).getText()).isEqualTo("0");

        // "My personas" lists this one and not the anonymous one.
        browser.get(gateway + "/");
        wait(20).until(ExpectedConditions.elementToBeClickable(By.id("tab-mine"))).click();
        wait(10).until(ExpectedConditions.textToBe(By.id("gallery-title"), "My personas"));
        wait(20).until(ExpectedConditions.attributeToBe(By.id("gallery-items"), "aria-busy", "false"));
        assertThat(browser.findElements(By.cssSelector("#gallery-items .card")))
                .extracting(card -> card.getAttribute("data-slug")).containsExactly(slug);

        // Delete is offered on one's own image only; the persona goes with its last image.
        browser.get(gateway + "/p/" + Api.segment(notMine));
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".image-card .motto")));
        assertThat(browser.findElement(By.cssSelector(".image-card .delete")).isDisplayed()).isFalse();
        browser.get(gateway + "/p/" + slug);
        wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".image-card .delete"))).click();
        wait(10).until(ExpectedConditions.alertIsPresent()).accept();
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("persona-missing")));
        assertThat(api.get("/api/personas/" + slug).status()).isEqualTo(404);

        browser.findElement(By.id("sign-out")).click();
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertThat(browser.findElement(By.cssSelector("#model option[value='dall-e']")).isEnabled()).isFalse();
    }

    private static void stubOpenAi(WireMockServer openAi, String base) {
        openAi.stubFor(get(urlEqualTo("/files/portrait.png"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(portrait())));
        openAi.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(okJson("""
                {"created": 1764144930, "data": [{"url": "%s/files/portrait.png", "revised_prompt": "A portrait"}]}
                """.formatted(base))));
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("""
                {"id": "chatcmpl-web", "object": "chat.completion", "created": 1764144930, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "Signed, sealed, delivered.", "refusal": null},
                              "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 40, "completion_tokens": 6, "total_tokens": 46}}
                """)));
    }

    private static byte[] portrait() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                image.setRGB(x, y, new Color(40 + x * 2, 90, 200 - y * 2).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
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
            awaitCompleted(api, accepted.body().get("requestId").asString());
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
        Object width = ((JavascriptExecutor) browser).executeScript("return arguments[0].complete && arguments[0].naturalWidth", image);
        return width instanceof Number number && number.intValue() > 0;
    }

    private static void awaitCompleted(Api api, String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"COMPLETED".equals(api.get("/api/requests/" + requestId).body().get("status").asString())) {
            assertThat(System.nanoTime()).as("request completes within 60 s").isLessThan(deadline);
            ServiceProcesses.sleep(100);
        }
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String file) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(file), png);
    }
}
