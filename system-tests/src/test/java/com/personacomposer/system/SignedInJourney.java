package com.personacomposer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A reader's visit with an account, in the browser, against a running system whose image-service offers dall-e
 * through a stubbed provider ({@link OpenAiStub}): sign in as demo/demo at the OpenID provider's form, create with
 * the paid model (the quota goes down), vote, find it under "My personas", delete it, sign out (of the provider too,
 * its refresh token revoked).
 */
final class SignedInJourney {

    private final WebDriver browser;
    private final String gateway;
    private final Api api;

    private SignedInJourney(WebDriver browser, String gateway) {
        this.browser = browser;
        this.gateway = gateway;
        this.api = new Api(gateway);
    }

    /**
     * @param signInOrigin where the browser signs in (the issuer, or the hosted UI of a provider shaped like Cognito)
     * @param accountName  the name the page shows once signed in; null: any
     */
    static void run(WebDriver browser, String gateway, String signInOrigin, String accountName) {
        new SignedInJourney(browser, gateway).run(signInOrigin, accountName);
    }

    private void run(String signInOrigin, String accountName) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.Reply anonymous = api.post("/api/personas", "{\"name\": \"Not Mine " + suffix + "\", \"model\": \"local\"}");
        assertThat(anonymous.status()).as("anonymous callers still create with the free model").isEqualTo(202);
        String notMine = anonymous.body().get("slug").asString();
        api.awaitCompleted(anonymous.body().get("requestId").asString());
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
        wait(20).until(ExpectedConditions.urlContains(signInOrigin));
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("demo");
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit'], input[type='submit']")).click();
        wait(30).withMessage(() -> "the provider sends the browser back to the page; it is at " + browser.getCurrentUrl()
                        + ", showing: " + browser.findElement(By.tagName("body")).getText())
                .until(driver -> driver.getCurrentUrl().startsWith(gateway + "/"));
        wait(30).until(driver -> driver.findElement(By.id("sign-out")).isDisplayed()
                || !driver.findElement(By.id("account-message")).getText().isBlank());
        assertThat(browser.findElement(By.id("account-message")).getText())
                .as(() -> "the page's sign-in message; the browser's console:\n" + Chromium.consoleLog(browser)).isEmpty();
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway + "/");
        WebElement name = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));
        wait(10).until(driver -> !name.getText().isBlank());
        if (accountName != null) {
            assertThat(name.getText()).isEqualTo(accountName);
        }
        String quotaBefore = wait(10).until(driver -> {
            String text = driver.findElement(By.id("account-quota")).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(quotaBefore).matches("\\d+ of \\d+ paid images left today");

        // A paid model through the stubbed provider.
        // The models load after the account: the paid one is enabled once both are there.
        wait(20).until(driver -> driver.findElement(By.cssSelector("#model option[value='dall-e']")).isEnabled());
        browser.findElement(By.cssSelector("#model option[value='dall-e']")).click();
        browser.findElement(By.id("name")).sendKeys("Signed In " + suffix);
        browser.findElement(By.id("submit")).click();
        wait(90).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".image-card .meta")));
        wait(10).until(ExpectedConditions.textToBe(By.cssSelector(".image-card .meta"), "Created with " + dallE));
        String slug = URI.create(browser.getCurrentUrl()).getPath().substring("/p/".length());
        int left = Integer.parseInt(quotaBefore.split(" ")[0]);
        wait(10).until(ExpectedConditions.textMatches(By.id("account-quota"), Pattern.compile("^" + (left - 1) + " of ")));

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

        // Signing out ends the provider's session too (through its end-session endpoint and back to a new page), and
        // the refresh token the page held renews nothing any more, wherever it may have got to.
        String refreshToken = (String) ((JavascriptExecutor) browser).executeScript(
                "return JSON.parse(sessionStorage.getItem('personaToken')).refreshToken;");
        assertThat(refreshToken).as("the page holds a refresh token").isNotBlank();
        ((JavascriptExecutor) browser).executeScript("window.beforeSignOut = true;");
        browser.findElement(By.id("sign-out")).click();
        wait(30).until(driver -> driver.getCurrentUrl().startsWith(gateway + "/")
                && ((JavascriptExecutor) driver).executeScript("return window.beforeSignOut") == null
                && driver.findElement(By.id("sign-in")).isDisplayed());
        wait(20).until(driver -> !driver.findElement(By.cssSelector("#model option[value='dall-e']")).isEnabled());
        JsonNode auth = api.get("/api/auth/config").body();
        Api.Reply renewal = Api.postForm(auth.get("tokenEndpoint").asString(), "grant_type=refresh_token&client_id="
                + auth.get("clientId").asString() + "&refresh_token=" + refreshToken);
        assertThat(renewal.status()).as("a refresh after sign-out").isEqualTo(400);
        assertThat(renewal.raw()).contains("invalid_grant");
    }

    private WebDriverWait wait(int seconds) {
        return Chromium.wait(browser, seconds);
    }
}
