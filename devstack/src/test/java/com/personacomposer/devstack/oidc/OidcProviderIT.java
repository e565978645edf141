package com.personacomposer.devstack.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.personacomposer.devstack.FreePorts;
import com.personacomposer.devstack.test.BrowserSignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider in this JVM, signed in to as the web page's browser does. */
class OidcProviderIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration COGNITO_ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(90);
    private static OidcProvider provider;
    private static OidcProvider cognito;
    private static int port;

    @BeforeAll
    static void start() {
        port = FreePorts.next();
        provider = OidcProvider.start(port, DevUsers.parse("demo:demo,alice:wonderland"), List.of(),
                OidcProvider.DEFAULT_ACCESS_TOKEN_LIFETIME);
        cognito = OidcProvider.startCognitoShaped(FreePorts.next(), FreePorts.next(), DevUsers.parse("demo:demo"), List.of(),
                COGNITO_ACCESS_TOKEN_LIFETIME);
    }

    @AfterAll
    static void stop() {
        provider.close();
        cognito.close();
    }

    @Test
    void theIssuerIsLocalhostOnItsPortAndDiscoveryNamesIt() throws Exception {
        assertThat(provider.issuer()).isEqualTo("http://localhost:" + port);
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(
                URI.create(provider.issuer() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"http://localhost:" + port + "\"")
                .contains("\"jwks_uri\":\"http://localhost:" + port + "/oauth2/jwks\"");
    }

    @Test
    void aUserSignsInWithCodeAndPkceAndGetsAnAccessTokenNamingThem() {
        BrowserSignIn.Tokens tokens = BrowserSignIn.signIn(provider.issuer(), "alice", "wonderland");

        String claims = claims(tokens.accessToken());
        assertThat(claims).contains("\"sub\":\"alice\"").contains("\"preferred_username\":\"alice\"")
                .contains("\"iss\":\"http://localhost:" + port + "\"").contains("\"aud\":\"persona-web\"");
        assertThat(header(tokens.accessToken())).contains("\"alg\":\"RS256\"");
        assertThat(tokens.idToken()).isNotNull();
    }

    @Test
    void aWrongPasswordGetsNoCode() {
        assertThatThrownBy(() -> BrowserSignIn.signIn(provider.issuer(), "alice", "alice"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused");
    }

    @Test
    void theGatewaysPageMayCallTheTokenEndpointFromItsOriginAndNoOtherPageMay() throws Exception {
        assertThat(preflight("http://localhost:8080").headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:8080");
        assertThat(preflight("http://127.0.0.1:8080").headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://127.0.0.1:8080");
        HttpResponse<String> stranger = preflight("https://evil.example");
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(stranger.statusCode()).isEqualTo(403);
    }

    @Test
    void theUsersComeFromDevstackUsersAndPasswordsAreNeverPrinted() {
        DevUsers users = DevUsers.parse(" bob:builder , carol:c:olon ");
        assertThat(users.passwords()).containsEntry("bob", "builder").containsEntry("carol", "c:olon");
        assertThat(users.toString()).doesNotContain("builder");
        assertThat(DevUsers.parse(null).names()).isEqualTo("demo, alice");
        assertThatThrownBy(() -> DevUsers.parse("nopassword")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shapedLikeCognitoTheIssuerServesDiscoveryAndKeysAndTheHostedUiEverythingElse() throws Exception {
        String issuer = cognito.issuer();
        String hostedUi = cognito.cognito().hostedUi();
        assertThat(URI.create(hostedUi).getPort()).isNotEqualTo(URI.create(issuer).getPort());
        HttpResponse<String> discovery = get(issuer + "/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + issuer + "\"")
                .contains("\"authorization_endpoint\":\"" + hostedUi + "/oauth2/authorize\"")
                .contains("\"token_endpoint\":\"" + hostedUi + "/oauth2/token\"")
                .contains("\"userinfo_endpoint\":\"" + hostedUi + "/oauth2/userInfo\"")
                .contains("\"jwks_uri\":\"" + issuer + "/.well-known/jwks.json\"");
        assertThat(get(issuer + "/.well-known/jwks.json").body()).contains("\"keys\"");

        assertThat(get(issuer + "/oauth2/token").statusCode()).as("no token endpoint on the issuer's origin").isEqualTo(404);
        assertThat(get(issuer + "/oauth2/authorize").statusCode()).isEqualTo(404);
        assertThat(get(issuer + "/login").statusCode()).isEqualTo(404);
        assertThat(get(hostedUi + "/.well-known/openid-configuration").statusCode()).isEqualTo(404);
        assertThat(get(hostedUi + "/login").statusCode()).isEqualTo(200);
    }

    @Test
    void shapedLikeCognitoClientIdsAreGeneratedAndTokensCarryClientIdAndTokenUseInsteadOfAudience() {
        CognitoShape shape = cognito.cognito();
        assertThat(cognito.clientId()).isEqualTo(shape.clientId()).matches("[a-z0-9]{26}")
                .isNotEqualTo(shape.otherClientId()).isNotEqualTo(OidcProvider.CLIENT_ID);
        assertThat(shape.otherClientId()).matches("[a-z0-9]{26}");

        BrowserSignIn.Tokens tokens = BrowserSignIn.signIn(cognito.issuer(), cognito.clientId(), "demo", "demo");
        String access = claims(tokens.accessToken());
        String subject = CognitoShape.subject("demo");
        assertThat(subject).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(access).contains("\"client_id\":\"" + cognito.clientId() + "\"").contains("\"token_use\":\"access\"")
                .contains("\"sub\":\"" + subject + "\"").contains("\"username\":\"" + subject + "\"")
                .contains("\"scope\":\"openid profile\"").contains("\"iss\":\"" + cognito.issuer() + "\"")
                .doesNotContain("\"aud\"").doesNotContain("preferred_username");
        String id = claims(tokens.idToken());
        assertThat(id).contains("\"token_use\":\"id\"").contains("\"aud\":\"" + cognito.clientId() + "\"")
                .contains("\"cognito:username\":\"" + subject + "\"");

        String other = claims(BrowserSignIn.signIn(cognito.issuer(), shape.otherClientId(), "demo", "demo").accessToken());
        assertThat(other).contains("\"client_id\":\"" + shape.otherClientId() + "\"");
        assertThatThrownBy(() -> BrowserSignIn.signIn(cognito.issuer(), OidcProvider.CLIENT_ID, "demo", "demo"))
                .as("persona-web is no client of this pool").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thePagesPublicClientRenewsItsSessionWithARefreshTokenThatIsReplacedOnEveryUse() throws Exception {
        BrowserSignIn.Tokens tokens = BrowserSignIn.signIn(provider.issuer(), "alice", "wonderland");
        assertThat(tokens.refreshToken()).as("a refresh token for the public client").isNotBlank();
        assertThat(tokens.tokenResponse()).contains("\"expires_in\":1799");

        HttpResponse<String> renewed = refresh(provider.issuer() + "/oauth2/token", OidcProvider.CLIENT_ID, tokens.refreshToken());
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(renewed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        String access = jsonString(renewed.body(), "access_token");
        assertThat(access).isNotEqualTo(tokens.accessToken());
        assertThat(claims(access)).contains("\"sub\":\"alice\"").contains("\"preferred_username\":\"alice\"");
        String next = jsonString(renewed.body(), "refresh_token");
        assertThat(next).isNotBlank().isNotEqualTo(tokens.refreshToken());

        HttpResponse<String> replayed = refresh(provider.issuer() + "/oauth2/token", OidcProvider.CLIENT_ID, tokens.refreshToken());
        assertThat(replayed.statusCode()).as("a used refresh token is spent").isEqualTo(400);
        assertThat(replayed.body()).contains("invalid_grant");
        assertThat(refresh(provider.issuer() + "/oauth2/token", "someone-else", next).statusCode())
                .as("an unknown client").isEqualTo(401);
        assertThat(refresh(provider.issuer() + "/oauth2/token", OidcProvider.CLIENT_ID, "made-up").statusCode()).isEqualTo(400);
        assertThat(refresh(provider.issuer() + "/oauth2/token", OidcProvider.CLIENT_ID, next).statusCode())
                .as("the replacement still works").isEqualTo(200);
    }

    @Test
    void shapedLikeCognitoARefreshTokenRenewsForItsOwnClientOnlyAndAccessTokensLiveAsStarted() throws Exception {
        CognitoShape shape = cognito.cognito();
        BrowserSignIn.Tokens tokens = BrowserSignIn.signIn(cognito.issuer(), cognito.clientId(), "demo", "demo");
        assertThat(tokens.tokenResponse()).contains("\"expires_in\":" + (COGNITO_ACCESS_TOKEN_LIFETIME.toSeconds() - 1));

        HttpResponse<String> stranger = refresh(shape.hostedUi() + "/oauth2/token", shape.otherClientId(), tokens.refreshToken());
        assertThat(stranger.statusCode()).as("another client of the pool").isEqualTo(400);
        HttpResponse<String> renewed = refresh(shape.hostedUi() + "/oauth2/token", cognito.clientId(), tokens.refreshToken());
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(claims(jsonString(renewed.body(), "access_token"))).contains("\"token_use\":\"access\"")
                .contains("\"client_id\":\"" + cognito.clientId() + "\"");
    }

    @Test
    void thePagesPublicClientRevokesItsRefreshTokenWithItsClientIdAlone() throws Exception {
        BrowserSignIn.Tokens tokens = BrowserSignIn.signIn(provider.issuer(), "alice", "wonderland");
        assertThat(revoke(provider.issuer() + "/oauth2/revoke", "someone-else", tokens.refreshToken()).statusCode())
                .as("an unknown client").isEqualTo(401);

        HttpResponse<String> revoked = revoke(provider.issuer() + "/oauth2/revoke", OidcProvider.CLIENT_ID, tokens.refreshToken());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");

        HttpResponse<String> refused = refresh(provider.issuer() + "/oauth2/token", OidcProvider.CLIENT_ID, tokens.refreshToken());
        assertThat(refused.statusCode()).as("a revoked refresh token renews nothing").isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
    }

    @Test
    void shapedLikeCognitoARefreshTokenIsRevokedOnTheHostedUiByItsOwnClientOnly() throws Exception {
        CognitoShape shape = cognito.cognito();
        BrowserSignIn.Tokens tokens = BrowserSignIn.signIn(cognito.issuer(), cognito.clientId(), "demo", "demo");

        HttpResponse<String> stranger = revoke(shape.hostedUi() + "/oauth2/revoke", shape.otherClientId(), tokens.refreshToken());
        assertThat(stranger.statusCode()).as("another client of the pool").isEqualTo(400);
        assertThat(stranger.body()).contains("invalid_client");
        HttpResponse<String> renewed = refresh(shape.hostedUi() + "/oauth2/token", cognito.clientId(), tokens.refreshToken());
        assertThat(renewed.statusCode()).as("still valid: " + renewed.body()).isEqualTo(200);
        String next = jsonString(renewed.body(), "refresh_token");

        assertThat(revoke(shape.hostedUi() + "/oauth2/revoke", cognito.clientId(), next).statusCode()).isEqualTo(200);
        assertThat(refresh(shape.hostedUi() + "/oauth2/token", cognito.clientId(), next).statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> revoke(String revocationEndpoint, String clientId, String refreshToken) throws Exception {
        return form(revocationEndpoint, "token=" + refreshToken + "&token_type_hint=refresh_token&client_id=" + clientId);
    }

    private static HttpResponse<String> refresh(String tokenEndpoint, String clientId, String refreshToken) throws Exception {
        return form(tokenEndpoint, "grant_type=refresh_token&client_id=" + clientId + "&refresh_token=" + refreshToken);
    }

    private static HttpResponse<String> form(String endpoint, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:8080")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jsonString(String json, String field) throws java.text.ParseException {
        return JSONObjectUtils.getString(JSONObjectUtils.parse(json), field);
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/token"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
