package com.personacomposer.devstack.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID provider (Spring Authorization Server) for local runs and tests: issuer {@code http://localhost:PORT},
 * form login at /login with the {@link DevUsers}, and the public client {@code persona-web} (authorization code with
 * PKCE, no consent screen). Its signing key is made at start, so tokens do not outlive the provider.
 */
public final class OidcProvider implements AutoCloseable {

    /** The client id of the web page (and of anyone signing in as it does). */
    public static final String CLIENT_ID = "persona-web";
    /** Where the web page may be sent back to after sign-in (and the origins that may call the token endpoint). */
    public static final List<String> PAGE_ORIGINS = List.of("http://localhost:8080", "http://127.0.0.1:8080");

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private OidcProvider(ConfigurableApplicationContext context, String issuer) {
        this.context = context;
        this.issuer = issuer;
    }

    /**
     * Starts the provider on {@code port} (loopback only) with these users; {@code extraOrigins} are origins of
     * other pages (say, a gateway on another port) that may sign in: their {@code /} is a redirect URI too.
     */
    public static OidcProvider start(int port, DevUsers users, List<String> extraOrigins) {
        String issuer = "http://localhost:" + port;
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.application.name", "devstack-oidc");
        properties.put("logging.level.root", "WARN");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OidcProviderConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("oidcProviderSettings",
                        new OidcProviderSettings(issuer, users, extraOrigins)))
                .run();
        return new OidcProvider(context, issuer);
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public void close() {
        context.close();
    }
}
