package com.personacomposer.devstack.oidc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID provider (Spring Authorization Server) for local runs and tests: issuer {@code http://localhost:PORT},
 * form login at /login with the {@link DevUsers}, and the public client {@code persona-web} (authorization code with
 * PKCE, no consent screen, refresh tokens); or, started {@link #startCognitoShaped shaped like Cognito}, with a hosted
 * UI on a second port and generated clients ({@link CognitoShape}). Its signing key is made at start, so tokens do not
 * outlive the provider.
 */
public final class OidcProvider implements AutoCloseable {

    /** The client id of the web page (and of anyone signing in as it does). */
    public static final String CLIENT_ID = "persona-web";
    /** Where the web page may be sent back to after sign-in (and the origins that may call the token endpoint). */
    public static final List<String> PAGE_ORIGINS = List.of("http://localhost:8080", "http://127.0.0.1:8080");
    /** How long an access token lives unless the provider is started with another lifetime. */
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final ConfigurableApplicationContext context;
    private final OidcProviderSettings settings;

    private OidcProvider(ConfigurableApplicationContext context, OidcProviderSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /**
     * Starts the provider on {@code port} (loopback only) with these users; {@code extraOrigins} are origins of
     * other pages (say, a gateway on another port) that may sign in: their {@code /} is a redirect URI too. Access
     * tokens live {@code accessTokenLifetime}.
     */
    public static OidcProvider start(int port, DevUsers users, List<String> extraOrigins, Duration accessTokenLifetime) {
        return start(port, new OidcProviderSettings("http://localhost:" + port, users, extraOrigins, accessTokenLifetime,
                null));
    }

    /**
     * Like {@link #start}, shaped like a Cognito user pool: issuer {@code http://localhost:<issuerPort>} with
     * discovery and keys only, the sign-in form and the protocol endpoints on {@code http://localhost:<hostedUiPort>},
     * two generated client ids (the page's first).
     */
    public static OidcProvider startCognitoShaped(int issuerPort, int hostedUiPort, DevUsers users, List<String> extraOrigins,
            Duration accessTokenLifetime) {
        return start(issuerPort, new OidcProviderSettings("http://localhost:" + issuerPort, users, extraOrigins,
                accessTokenLifetime, CognitoShape.generate(hostedUiPort)));
    }

    private static OidcProvider start(int port, OidcProviderSettings settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.application.name", "devstack-oidc");
        properties.put("logging.level.root", "WARN");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OidcProviderConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("oidcProviderSettings", settings))
                .run();
        return new OidcProvider(context, settings);
    }

    public String issuer() {
        return settings.issuer();
    }

    /** The web page's client id: {@link #CLIENT_ID}, or the generated one of the Cognito shape. */
    public String clientId() {
        return settings.clientIds().get(0);
    }

    /** The Cognito shape's hosted UI and clients; null when the provider is not shaped like Cognito. */
    public CognitoShape cognito() {
        return settings.cognito();
    }

    @Override
    public void close() {
        context.close();
    }
}
