package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.DevStackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
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
        assertThat(api.get("/api/personas/" + Api.segment(slug)).body().get("images").get(0).get("upvotes").asInt())
                .isEqualTo(2);
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
