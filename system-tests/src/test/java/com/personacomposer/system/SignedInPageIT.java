package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.EmbeddedInfrastructure;
import com.personacomposer.devstack.FreePorts;
import com.personacomposer.devstack.test.DevStackExtension;
import com.personacomposer.devstack.test.OidcProviderProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The page for a signed-in reader, on a system of its own: the devstack OpenID provider on a free port (the gateway
 * trusts it; it sends the page back to it) whose access tokens live 20 s (so the page renews them while the tests run,
 * as it does every half hour in use), a stubbed paid image provider that takes a few seconds per image (so a request
 * is still running while the page is reloaded, audited or canceled), and presigned URLs that live 10 s (so the test
 * sees them expire, as a shared link's preview would after a minute).
 */
@Order(12)
@ExtendWith(DevStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignedInPageIT {

    /**
     * How long the stubbed provider takes to draw an image: long enough that a request is still running after an
     * accessibility audit and a reload while another test class keeps both cores busy.
     */
    private static final Duration DRAWING = Duration.ofSeconds(10);
    private static final Duration URL_LIFETIME = Duration.ofSeconds(10);
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(20);

    private static OpenAiStub openAi;
    private static EmbeddedInfrastructure infra;
    private static ServiceProcesses services;
    private static OidcProviderProcess provider;
    private static ChromeDriver browser;
    private static String gateway;
    private static String dallE;

    @BeforeAll
    static void startSystem() throws IOException {
        Chromium.assumeInstalled();
        openAi = OpenAiStub.start(DRAWING);
        infra = EmbeddedInfrastructure.forTests(Files.createTempDirectory("web-sign-in-"));
        int issuerPort = FreePorts.next();
        services = ServiceProcesses.start("web-sign-in", infra, Map.of(
                "PERSONA_OIDC_ISSUER_URI", "http://localhost:" + issuerPort,
                "OPENAI_API_KEY", "sk-web-test-key",
                "OPENAI_BASE_URL", openAi.baseUrl(),
                "STORAGE_ALLOWED_IMAGE_HOSTS", openAi.imageHost(),
                "S3_PRESIGN_TTL", URL_LIFETIME.toSeconds() + "s",
                "PERSONA_RATE_LIMIT_PER_MINUTE", "0"));
        gateway = services.gateway();
        // The gateway fetches the issuer's keys on first use, so the provider may start after it.
        provider = OidcProviderProcess.start(issuerPort, List.of(gateway), ACCESS_TOKEN_LIFETIME);
        for (JsonNode model : new Api(gateway).get("/api/models").body().get("models")) {
            if (model.get("id").asString().equals("dall-e")) {
                dallE = model.get("name").asString();
            }
        }
        assertThat(dallE).as("image-service offers dall-e with the stubbed provider's key").isNotNull();
        browser = Chromium.open();
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        Stopping.all(provider, services, infra, openAi);
    }

    @Test
    @Order(1)
    void aSignedInReaderCreatesWithAPaidModelVotesListsDeletesAndSignsOut() {
        SignedInJourney.run(browser, gateway, provider.issuer(), "demo");
    }

    @Test
    @Order(2)
    void aReloadDuringARequestShowsItsProgressToTheEndAndNothingOnTheWayHasAnAccessibilityViolation() {
        signIn();
        assertThat(PageAuditIT.axe(browser, "home, signed in")).isEmpty();

        // A paid model through the stubbed provider, which takes its time: the page is reloaded meanwhile.
        String name = "Reloaded " + UUID.randomUUID().toString().substring(0, 6);
        wait(20).until(driver -> driver.findElement(By.cssSelector("#model option[value='dall-e']")).isEnabled());
        browser.findElement(By.cssSelector("#model option[value='dall-e']")).click();
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("submit")).click();
        WebElement running = wait(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#request-list .request[data-status='pending']")));
        assertThat(running.findElement(By.className("request-name")).getText()).isEqualTo(name);
        assertThat(running.findElement(By.className("request-cancel")).isDisplayed()).as("audited with its Cancel button").isTrue();
        assertThat(PageAuditIT.axe(browser, "home, signed in, a request running")).isEmpty();
        browser.navigate().refresh();
        WebElement resumed = wait(20).until(driver -> request(name));
        assertThat(resumed.getAttribute("data-status")).as("still running after the reload").isEqualTo("pending");
        wait(10).until(driver -> !request(name).findElement(By.className("request-elapsed")).getText().isBlank());

        // It finishes on screen: its stages done, said once, and its persona opens.
        wait(90).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".image-card .meta")));
        wait(10).until(ExpectedConditions.textToBe(By.cssSelector(".image-card .meta"), "Created with " + dallE));
        assertThat(browser.findElement(By.id("persona-title")).getText()).isEqualTo(name);
        assertThat(request(name).findElements(By.cssSelector(".stages li")))
                .extracting(stage -> stage.getText().replaceAll("\\s+", " "))
                .containsExactly("Image done", "Storage done", "Motto done");
        assertThat(browser.findElement(By.id("announcer")).getText()).isEqualTo(name + " is ready.");
        assertThat(PageAuditIT.axe(browser, "persona page, signed in")).isEmpty();
        Chromium.screenshot(browser, "signed-in-persona.png");
    }

    @Test
    @Order(3)
    void twoRequestsAtOnceBothFinishOnScreen() {
        signIn();
        browser.get(gateway + "/");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<String> names = List.of("First Of Two " + suffix, "Second Of Two " + suffix);
        wait(20).until(driver -> driver.findElement(By.cssSelector("#model option[value='dall-e']")).isEnabled());
        for (String name : names) {
            browser.findElement(By.cssSelector("#model option[value='dall-e']")).click();
            WebElement field = browser.findElement(By.id("name"));
            field.clear();
            field.sendKeys(name);
            int before = browser.findElements(By.cssSelector("#request-list .request")).size();
            browser.findElement(By.id("submit")).click();
            wait(20).until(driver -> driver.findElements(By.cssSelector("#request-list .request")).size() == before + 1);
        }
        assertThat(browser.findElements(By.cssSelector("#request-list .request[data-status='pending']"))).hasSize(2);
        // The reader looks at another tab meanwhile (the page is told it is hidden, as a background tab is).
        String title = browser.getTitle();
        browser.executeScript("Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});");

        wait(90).until(driver -> names.stream().allMatch(name -> driver.findElements(By.cssSelector(
                "#request-list .request[data-status='completed']")).stream()
                .anyMatch(item -> item.findElement(By.className("request-name")).getText().equals(name))));
        for (WebElement item : browser.findElements(By.cssSelector("#request-list .request[data-status='completed']"))) {
            assertThat(item.findElements(By.cssSelector(".stages li"))).extracting(stage -> stage.getAttribute("data-state"))
                    .containsOnly("done");
            assertThat(item.findElement(By.className("request-elapsed")).getText()).startsWith("took ");
        }
        // In the background the tab's title says it; back in front, the page's own title returns.
        assertThat(browser.getTitle()).startsWith("✓ ").contains(" is ready · ");
        browser.executeScript("delete document.hidden; document.dispatchEvent(new Event('visibilitychange'));");
        wait(10).until(driver -> !driver.getTitle().startsWith("✓ "));
        assertThat(browser.getTitle()).isIn(title, names.get(0) + " · Persona Composer", names.get(1) + " · Persona Composer");
    }

    @Test
    @Order(4)
    void aRequestCanceledWhileTheProviderDrawsShowsCanceledAndAddsNoImage() {
        signIn();
        browser.get(gateway + "/");
        String name = "Canceled " + UUID.randomUUID().toString().substring(0, 6);
        wait(20).until(driver -> driver.findElement(By.cssSelector("#model option[value='dall-e']")).isEnabled());
        browser.findElement(By.cssSelector("#model option[value='dall-e']")).click();
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("submit")).click();
        WebElement item = wait(20).until(driver -> request(name));
        String requestId = item.getAttribute("data-request-id");
        WebElement cancel = item.findElement(By.className("request-cancel"));
        assertThat(cancel.getTagName()).isEqualTo("button");
        assertThat(cancel.getAccessibleName()).isEqualTo("Cancel the request for " + name);

        // The first attempt cannot reach the server (its connection fails as a dropped network's does): said in the
        // request's item, with Try again; the request runs on.
        browser.executeScript("const connect = window.fetch; window.fetch = (url, options) => String(url).endsWith('/cancel')"
                + " && !window.networkBack ? Promise.reject(new TypeError('Failed to fetch')) : connect(url, options);");
        cancel.click();
        wait(10).until(ExpectedConditions.textToBePresentInElement(item.findElement(By.className("request-problem-text")),
                "It could not be canceled: the server cannot be reached."));
        assertThat(item.getAttribute("data-status")).isEqualTo("pending");
        browser.executeScript("window.networkBack = true;");

        // Again: canceled while the provider is still drawing; the reader stays in the item, on Dismiss.
        item.findElement(By.className("request-retry")).click();
        wait(10).until(driver -> !"pending".equals(item.getAttribute("data-status"))
                || !item.findElement(By.className("request-problem-text")).getText().isBlank());
        assertThat(item.getAttribute("data-status")).as(() -> "canceled; the request's item says: " + item.getText())
                .isEqualTo("canceled");
        assertThat(item.findElement(By.className("request-outcome")).getText())
                .isEqualTo("Canceled: nothing was added to " + name + ".");
        assertThat(item.findElements(By.cssSelector(".stages li"))).extracting(stage -> stage.getAttribute("data-state"))
                .contains("canceled");
        assertThat(item.findElement(By.className("request-cancel")).isDisplayed()).isFalse();
        assertThat(item.findElement(By.className("request-problem")).isDisplayed()).isFalse();
        assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("request-dismiss");
        wait(5).until(ExpectedConditions.textToBe(By.id("announcer"), "Canceled: nothing was added to " + name + "."));

        // The drawing the provider finished after the cancel is dropped: the persona gets no image, here or there.
        ServiceProcesses.sleep(DRAWING.multipliedBy(2).toMillis());
        Api api = new Api(gateway);
        JsonNode status = api.get("/api/requests/" + requestId).body();
        assertThat(status.get("status").asString()).isEqualTo("CANCELED");
        Api.Reply persona = api.get("/api/personas/" + Api.segment(status.get("slug").asString()));
        assertThat(persona.status() == 404 || persona.body().get("images").isEmpty())
                .as("no image added to " + name + ": " + persona.raw()).isTrue();
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway + "/");
        browser.navigate().refresh();
        assertThat(wait(20).until(driver -> request(name)).getAttribute("data-status")).as("still canceled after a reload")
                .isEqualTo("canceled");
    }

    @Test
    @Order(5)
    void theLinkPreviewsImageStillAnswersWithAnImageLongAfterThePagesOwnUrlsExpired() throws IOException {
        Api api = new Api(gateway);
        String slug = api.createImages("Shared " + UUID.randomUUID().toString().substring(0, 6), 1);
        browser.get(gateway + "/p/" + Api.segment(slug));
        WebElement thumbnail = wait(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#persona-images .image-card img")));
        String presigned = thumbnail.getAttribute("src");
        String preview = browser.findElement(By.cssSelector("meta[property='og:image']")).getAttribute("content");
        assertThat(browser.findElement(By.cssSelector("meta[name='twitter:image']")).getAttribute("content"))
                .isEqualTo(preview);

        // The page's own URLs live 10 s here (a minute in production): wait until the page's are refused, then as
        // long again, like a chat app fetching a shared link's preview five minutes later.
        long deadline = System.nanoTime() + URL_LIFETIME.multipliedBy(3).toNanos();
        while (Api.fetch(presigned).statusCode() == 200) {
            assertThat(System.nanoTime()).as("the page's presigned URL expires").isLessThan(deadline);
            ServiceProcesses.sleep(500);
        }
        ServiceProcesses.sleep(URL_LIFETIME.toMillis());

        HttpResponse<byte[]> redirect = Api.fetch(preview);
        assertThat(redirect.statusCode()).isEqualTo(302);
        HttpResponse<byte[]> image = Api.fetch(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(image.body())).getWidth()).as("the original").isGreaterThan(256);
    }

    @Test
    @Order(6)
    void anAccessTokenThatExpiresMidSessionIsRenewedWithoutLeavingThePageAndTheNextVoteCounts() {
        Api api = new Api(gateway);
        String slug = signedInOnANewPersona(api, "Renewed");
        Map<?, ?> first = storedToken();
        assertThat(first.get("refreshToken")).as("the provider gave the page a refresh token").isNotNull();
        // A document of its own: sent to the provider and back, the page would be a new one, without this mark.
        browser.executeScript("window.sameDocument = true;");

        // The access token the page started with runs out while the reader stays on the page, and is renewed on its
        // own (a page that renewed only when a call is refused would not renew here). The renewal starts a
        // quarter of the token's life before its end; a busy provider may answer after it.
        long expiresAt = ((Number) first.get("expiresAt")).longValue();
        wait((int) ACCESS_TOKEN_LIFETIME.toSeconds() + 30).until(driver -> {
            Map<?, ?> now = storedToken();
            return now == null || !first.get("accessToken").equals(now.get("accessToken"));
        });
        Map<?, ?> renewed = storedToken();
        assertThat(renewed).as("still signed in").isNotNull();
        assertThat(((Number) renewed.get("expiresAt")).longValue()).isGreaterThan(expiresAt);
        assertThat(renewed.get("refreshToken")).as("the provider replaced the refresh token").isNotNull()
                .isNotEqualTo(first.get("refreshToken"));

        browser.findElement(By.cssSelector(".vote.down")).click();
        wait(10).until(ExpectedConditions.textToBe(By.cssSelector(".vote.down .count"), "1"));
        assertThat(browser.executeScript("return window.sameDocument === true;")).as("no sign-in on the way").isEqualTo(true);
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway + "/p/" + slug);
        assertThat(browser.findElement(By.id("account-message")).getText()).isEmpty();
        assertThat(api.get("/api/personas/" + Api.segment(slug)).body().get("images").get(0).get("downvotes").asInt())
                .isEqualTo(1);

        // A tab that was away longer than the token lives (its timers held back) renews it as it comes back.
        browser.executeScript("const token = JSON.parse(sessionStorage.getItem('personaToken'));"
                + "token.expiresAt = token.renewAt = Date.now() - 1000;"
                + "sessionStorage.setItem('personaToken', JSON.stringify(token)); location.reload();");
        wait(20).until(driver -> !renewed.get("accessToken").equals(storedToken().get("accessToken"))
                && driver.findElement(By.id("sign-out")).isDisplayed());
        assertThat(browser.executeScript("return performance.getEntriesByType('navigation')[0].type;"))
                .as("this document is the reload's, not one the provider sent back").isEqualTo("reload");
        wait(20).until(ExpectedConditions.attributeToBe(By.cssSelector(".vote.down"), "aria-pressed", "true"));
        browser.findElement(By.cssSelector(".vote.down")).click();
        wait(10).until(ExpectedConditions.textToBe(By.cssSelector(".vote.down .count"), "0"));
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway + "/p/" + slug);
    }

    @Test
    @Order(7)
    void aVoteThatMeetsAnExpiredSessionSignsInAgainKeepsWhatWasTypedAndCounts() {
        Api api = new Api(gateway);
        String slug = signedInOnANewPersona(api, "Lapsed");

        // The access token runs out and cannot be renewed (a provider that gives no refresh token, or one whose
        // refresh token has expired): the page's copy is made to have expired and loses its refresh token.
        ((JavascriptExecutor) browser).executeScript("const token = JSON.parse(sessionStorage.getItem('personaToken'));"
                + "token.expiresAt = Date.now() - 1000; delete token.refreshToken; delete token.renewAt;"
                + "sessionStorage.setItem('personaToken', JSON.stringify(token)); location.reload();");
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.findElement(By.id("description")).sendKeys("typed before the session ended");
        browser.findElement(By.cssSelector(".vote.down")).click();

        // The provider still knows the reader: no form, straight back with a code, and the vote is cast.
        wait(30).until(ExpectedConditions.textToBe(By.cssSelector(".vote.down .count"), "1"));
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway + "/p/" + slug);
        assertThat(browser.findElement(By.cssSelector(".vote.down")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("description")).getAttribute("value")).isEqualTo("typed before the session ended");
        assertThat(api.get("/api/personas/" + Api.segment(slug)).body().get("images").get(0).get("downvotes").asInt())
                .isEqualTo(1);
    }

    @Test
    @Order(8)
    void signingOutEndsTheProvidersSessionToo() {
        signIn();
        browser.get(gateway + "/");
        WebElement signOut = wait(20).until(ExpectedConditions.elementToBeClickable(By.id("sign-out")));
        ((JavascriptExecutor) browser).executeScript("window.beforeSignOut = true;");
        signOut.click();
        // Through the provider's end-session endpoint and back: a new document, signed out.
        wait(30).until(driver -> driver.getCurrentUrl().startsWith(gateway + "/")
                && ((JavascriptExecutor) driver).executeScript("return window.beforeSignOut") == null
                && !driver.findElements(By.id("sign-in")).isEmpty() && driver.findElement(By.id("sign-in")).isDisplayed());
        wait(20).until(driver -> "false".equals(driver.findElement(By.id("account")).getAttribute("data-signed-in")));
        wait(20).until(driver -> !driver.findElement(By.cssSelector("#model option[value='dall-e']")).isEnabled());

        // Signing in again asks for the password: the provider forgot the reader too.
        browser.findElement(By.id("sign-in")).click();
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).startsWith(provider.issuer());
    }

    /** Signs in and opens the page of a new persona with one image, ready to vote on; answers its slug. */
    private static String signedInOnANewPersona(Api api, String namePrefix) {
        signIn();
        String slug = api.createImages(namePrefix + " " + UUID.randomUUID().toString().substring(0, 6), 1);
        awaitNoRenewalUnderWay();
        browser.get(gateway + "/p/" + Api.segment(slug));
        wait(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".vote.down")));
        return slug;
    }

    /**
     * Waits while the page renews its token or is about to (within two seconds). The provider here rotates refresh
     * tokens, so a document left in the middle of a renewal takes the new refresh token with it and the next page
     * holds a spent one: the tab then signs in again when its access token ends. The tests that navigate here are
     * about other things, and the page renews a token every 15 s.
     */
    private static void awaitNoRenewalUnderWay() {
        wait((int) ACCESS_TOKEN_LIFETIME.toSeconds() + 10).until(driver -> (Boolean) browser.executeScript(
                "try { const token = JSON.parse(sessionStorage.getItem('personaToken'));"
                        + " return !token || !token.refreshToken || !token.renewAt"
                        + " || token.renewAt > Date.now() + 2000; }"
                        + " catch (e) { return true; }"));
    }

    /** The tokens the page keeps in the tab's session storage. */
    private static Map<?, ?> storedToken() {
        return (Map<?, ?>) browser.executeScript("return JSON.parse(sessionStorage.getItem('personaToken'));");
    }

    /** The item of the request for {@code name} in the page's list of requests, null while there is none. */
    private static WebElement request(String name) {
        return browser.findElements(By.cssSelector("#request-list .request")).stream()
                .filter(item -> item.findElement(By.className("request-name")).getText().equals(name))
                .findFirst().orElse(null);
    }

    /** Signs in as a browser does, at the provider's form, unless the page is signed in already. */
    private static void signIn() {
        awaitNoRenewalUnderWay();
        browser.get(gateway + "/");
        // The page knows who is signed in once it has read its sign-in state (it starts out as the server drew it).
        String signedIn = wait(20).until(driver -> driver.findElement(By.id("account")).getAttribute("data-signed-in"));
        if (signedIn.equals("true")) {
            return;
        }
        browser.findElement(By.id("sign-in")).click();
        // The provider's form, or straight back when it still knows the reader.
        WebElement next = wait(20).until(driver -> {
            List<WebElement> form = driver.findElements(By.name("username"));
            if (!form.isEmpty() && form.get(0).isDisplayed()) {
                return form.get(0);
            }
            List<WebElement> out = driver.findElements(By.id("sign-out"));
            return !out.isEmpty() && out.get(0).isDisplayed() ? out.get(0) : null;
        });
        if (next.getAttribute("id").equals("sign-out")) {
            return;
        }
        next.sendKeys("demo");
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit'], input[type='submit']")).click();
        wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private static WebDriverWait wait(int seconds) {
        return Chromium.wait(browser, seconds);
    }
}
