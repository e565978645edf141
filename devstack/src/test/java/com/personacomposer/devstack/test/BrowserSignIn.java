package com.personacomposer.devstack.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in at an OpenID provider as the web page and its browser do: the endpoints from the issuer's discovery
 * document, authorization request with PKCE, the login form (with its CSRF token), the redirect back with the code,
 * and the code exchanged for tokens by the public client. Tests get their tokens this way, never minted by themselves.
 */
public final class BrowserSignIn {

    public static final String CLIENT_ID = "persona-web";
    public static final String REDIRECT_URI = "http://localhost:8080/";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String issuer;
    private final String clientId;
    private final HttpClient browser;

    private BrowserSignIn(String issuer, String clientId) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.clientId = clientId;
        this.browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** The tokens the page would hold after signing in. */
    public record Tokens(String accessToken, String idToken, String tokenResponse) {
    }

    /** Signs in as {@code user}; a refused sign-in (wrong password) is an {@link IllegalStateException}. */
    public static Tokens signIn(String issuer, String user, String password) {
        return signIn(issuer, CLIENT_ID, user, password);
    }

    /** Signs in as {@code user} through the public client {@code clientId}. */
    public static Tokens signIn(String issuer, String clientId, String user, String password) {
        return new BrowserSignIn(issuer, clientId).run(user, password);
    }

    private Tokens run(String user, String password) {
        HttpResponse<String> discovery = get(issuer + "/.well-known/openid-configuration");
        if (discovery.statusCode() != 200) {
            throw refused("no discovery document", discovery);
        }
        String verifier = randomUrlSafe(32);
        String state = UUID.randomUUID().toString();
        String authorize = jsonString(discovery.body(), "authorization_endpoint") + "?" + form(Map.of(
                "response_type", "code",
                "client_id", clientId,
                "redirect_uri", REDIRECT_URI,
                "scope", "openid profile",
                "state", state,
                "code_challenge", s256(verifier),
                "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = get(authorize);
        String loginPage = location(toLogin).map(page -> resolve(toLogin, page))
                .orElseThrow(() -> refused("authorize did not send to the login form", toLogin));
        HttpResponse<String> form = get(loginPage);
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw refused("the login form has no CSRF token", form);
        }
        HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(URI.create(loginPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", user, "password", password, "_csrf", csrf.group(1))))));
        String afterLogin = location(loggedIn).orElseThrow(() -> refused("the login was not accepted", loggedIn));
        if (afterLogin.contains("error")) {
            throw refused("the login was refused", loggedIn);
        }
        HttpResponse<String> back = get(resolve(loggedIn, afterLogin));
        String redirect = location(back).orElseThrow(() -> refused("no redirect back to the page", back));
        Matcher code = CODE.matcher(redirect);
        if (!redirect.startsWith(REDIRECT_URI) || !code.find() || !redirect.contains("state=" + state)) {
            throw refused("the redirect back carries no code for this state: " + redirect, back);
        }
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(jsonString(discovery.body(), "token_endpoint")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:8080")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code",
                        "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                        "redirect_uri", REDIRECT_URI,
                        "client_id", clientId,
                        "code_verifier", verifier)))));
        if (tokens.statusCode() != 200) {
            throw refused("the token exchange failed", tokens);
        }
        return new Tokens(jsonString(tokens.body(), "access_token"), jsonString(tokens.body(), "id_token"), tokens.body());
    }

    private HttpResponse<String> get(String uri) {
        return send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Location header, made absolute against the address that answered with it. */
    private static String resolve(HttpResponse<?> response, String location) {
        return response.uri().resolve(location).toString();
    }

    private static Optional<String> location(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3 ? response.headers().firstValue("Location") : Optional.empty();
    }

    private static IllegalStateException refused(String what, HttpResponse<String> response) {
        return new IllegalStateException("sign-in failed: " + what + " (HTTP " + response.statusCode() + " from "
                + response.uri() + ")");
    }

    private static String jsonString(String json, String field) {
        Matcher value = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return value.find() ? value.group(1) : null;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
