package com.personacomposer.devstack.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Spring Authorization Server as the sample configuration of its reference guide has it, plus CORS on the
 * protocol endpoints (the web page exchanges the code and fetches the keys from its own origin) and the claims
 * the gateway reads: {@code preferred_username} beside {@code sub}, audience {@code persona-web}. With a
 * {@link CognitoShape}: a second port for the hosted UI, Cognito's paths and discovery, generated clients and
 * Cognito's claims instead.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class OidcProviderConfiguration {

    /**
     * How long a refresh token lets the page renew its session without the sign-in form (each renewal replaces it),
     * about a working day as with Keycloak's default session.
     */
    private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofHours(10);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, OidcProviderSettings settings,
            RegisteredClientRepository clients, AuthorizationServerSettings endpoints) {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, config -> config
                        .clientAuthentication(authentication -> authentication
                                .authenticationConverter(PublicClientRefresh.converter(endpoints.getTokenRevocationEndpoint()))
                                .authenticationProvider(PublicClientRefresh.provider(clients)))
                        .oidc(oidc -> oidc.providerConfigurationEndpoint(discovery ->
                                discovery.providerConfigurationCustomizer(document -> onHostedUi(document, settings)))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                // A browser asking to authorize is sent to the login form; other callers get 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginChain(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users(OidcProviderSettings settings) {
        List<UserDetails> users = settings.users().passwords().entrySet().stream()
                .map(user -> User.withUsername(user.getKey()).password("{noop}" + user.getValue()).roles("USER").build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Public clients (authorization code with PKCE, no consent screen, refresh tokens replaced on every use), sent
     * back to the page origins.
     */
    @Bean
    RegisteredClientRepository clients(OidcProviderSettings settings) {
        List<RegisteredClient> clients = settings.clientIds().stream().map(clientId ->
                RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId(clientId)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                        .redirectUris(uris -> uris.addAll(settings.redirectUris()))
                        .postLogoutRedirectUris(uris -> uris.addAll(settings.redirectUris()))
                        .scope(OidcScopes.OPENID)
                        .scope(OidcScopes.PROFILE)
                        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                        .tokenSettings(TokenSettings.builder()
                                .accessTokenTimeToLive(settings.accessTokenLifetime())
                                .refreshTokenTimeToLive(REFRESH_TOKEN_LIFETIME)
                                .reuseRefreshTokens(false)
                                .build())
                        .build()).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OidcProviderSettings settings) {
        AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder().issuer(settings.issuer());
        if (settings.cognito() != null) {
            builder.jwkSetEndpoint(CognitoOrigins.JWK_SET_PATH).oidcUserInfoEndpoint("/oauth2/userInfo");
        }
        return builder.build();
    }

    /** The Cognito shape's hosted UI: a second connector, and each port answering only its own paths. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> hostedUiConnector(OidcProviderSettings settings) {
        return factory -> {
            if (settings.cognito() != null) {
                Connector connector = new Connector();
                connector.setPort(settings.cognito().hostedUiPort());
                connector.setProperty("address", "127.0.0.1");
                factory.addAdditionalConnectors(connector);
            }
        };
    }

    @Bean
    FilterRegistrationBean<CognitoOrigins> cognitoOrigins(OidcProviderSettings settings) {
        FilterRegistrationBean<CognitoOrigins> registration = new FilterRegistrationBean<>(
                new CognitoOrigins(settings.cognito() == null ? -1 : settings.cognito().hostedUiPort()));
        registration.setEnabled(settings.cognito() != null);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    JWKSource<SecurityContext> signingKeys() {
        KeyPair pair = rsaKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Signed JWTs (with {@link #userClaims}) and refresh tokens for the public clients too ({@link PublicClientRefresh}). */
    @Bean
    OAuth2TokenGenerator<?> tokens(JWKSource<SecurityContext> signingKeys, OAuth2TokenCustomizer<JwtEncodingContext> userClaims) {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(signingKeys));
        jwts.setJwtCustomizer(userClaims);
        return new DelegatingOAuth2TokenGenerator(jwts, PublicClientRefresh.generator());
    }

    /**
     * {@code preferred_username} in access and ID tokens: the gateway shows it as the caller's name. The Cognito
     * shape has Cognito's claims instead: a UUID {@code sub}; access tokens with {@code client_id},
     * {@code token_use: access}, {@code username} and a space-separated {@code scope}, and no {@code aud}; ID tokens
     * with {@code token_use: id} and {@code cognito:username}.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> userClaims(OidcProviderSettings settings) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            String name = context.getPrincipal().getName();
            JwtClaimsSet.Builder claims = context.getClaims();
            if (settings.cognito() == null) {
                if (accessToken || idToken) {
                    claims.claim("preferred_username", name);
                }
            } else if (accessToken) {
                String subject = CognitoShape.subject(name);
                claims.subject(subject)
                        .claims(all -> all.remove(JwtClaimNames.AUD))
                        .claim("client_id", context.getRegisteredClient().getClientId())
                        .claim("token_use", "access")
                        .claim("username", subject)
                        .claim("scope", String.join(" ", context.getAuthorizedScopes()));
            } else if (idToken) {
                String subject = CognitoShape.subject(name);
                claims.subject(subject).claim("token_use", "id").claim("cognito:username", subject);
            }
        };
    }

    /** The Cognito shape's discovery: issuer and keys where they are, every endpoint on the hosted UI's origin. */
    private static void onHostedUi(
            org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration.Builder document,
            OidcProviderSettings settings) {
        if (settings.cognito() == null) {
            return;
        }
        document.claims(claims -> claims.replaceAll((name, value) ->
                name.endsWith("_endpoint") && value instanceof String url && url.startsWith(settings.issuer() + "/")
                        ? settings.cognito().hostedUi() + url.substring(settings.issuer().length())
                        : value));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(OidcProviderSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.pageOrigins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }
}
