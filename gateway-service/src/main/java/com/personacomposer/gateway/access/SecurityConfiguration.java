package com.personacomposer.gateway.access;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * The gateway as an OAuth2 resource server: JWT access tokens from PERSONA_OIDC_ISSUER_URI (signature by the
 * issuer's published keys, fetched once and cached; iss, exp, nbf, and that it is an access token meant for this
 * system: {@link AccessTokenValidator}) or API keys, checked
 * on every request with no session, so every replica accepts every token. Anonymous callers read everything;
 * voting, deleting, /api/me and the webhook signing secret need a principal (creating with a paid model or a webhook
 * too: {@link ModelAccess} and {@link WebhookAccess}, asked by the create handler). With neither issuer nor keys
 * configured only /api/me, deleting images and the signing secret are closed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String VOTES = "/api/personas/*/images/*/votes";
    static final String IMAGE = "/api/personas/*/images/*";
    static final String WEBHOOK_SECRET = "/api/webhooks/secret";

    @Bean
    SecurityWebFilterChain securityChain(ServerHttpSecurity http, OidcProperties oidc, ApiKeys keys) {
        boolean open = open(oidc, keys);
        UnauthorizedEntryPoint unauthorized = new UnauthorizedEntryPoint(oidc.enabled(), keys.any());
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                // SecurityHeadersFilter writes the headers this gateway wants, on every answer.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.GET, "/api/me").authenticated();
                    exchanges.pathMatchers(HttpMethod.DELETE, IMAGE).authenticated();
                    // A signing secret is a principal's own: webhook-service is never asked for anyone else's.
                    exchanges.pathMatchers(HttpMethod.GET, WEBHOOK_SECRET).authenticated();
                    exchanges.pathMatchers(HttpMethod.POST, WEBHOOK_SECRET + "/rotate").authenticated();
                    if (!open) {
                        // Open, a vote and its withdrawal count once per client address (X-Persona-Voter).
                        exchanges.pathMatchers(HttpMethod.POST, VOTES).authenticated();
                        exchanges.pathMatchers(HttpMethod.DELETE, VOTES).authenticated();
                    }
                    exchanges.anyExchange().permitAll();
                });
        if (!open) {
            ReactiveAuthenticationManager manager = authenticationManager(keys, oidc);
            http.oauth2ResourceServer(server -> server
                    .bearerTokenConverter(new CredentialsConverter())
                    .authenticationManagerResolver(exchange -> Mono.just(manager))
                    .authenticationEntryPoint(unauthorized)
                    .authenticationFailureHandler(new TokenFailureHandler(unauthorized)));
        }
        log.info("Sign-in: {}; API keys: {}", oidc.enabled() ? "OpenID Connect tokens from " + oidc.issuerUri()
                        + (oidc.audience().isEmpty() ? " issued to client " + oidc.clientId()
                        : " for audience " + oidc.audience()) : "none (PERSONA_OIDC_ISSUER_URI)",
                keys.any() ? keys.count() + " configured" : "none (PERSONA_API_KEYS)");
        return http.build();
    }

    @Bean
    ModelAccess modelAccess(AccessProperties access, OidcProperties oidc, ApiKeys keys) {
        return new ModelAccess(open(oidc, keys), access.anonymousModels());
    }

    /** Neither sign-in nor API keys configured: everything is open, as a private installation wants. */
    static boolean open(OidcProperties oidc, ApiKeys keys) {
        return !oidc.enabled() && !keys.any();
    }

    /** An API key names its principal directly; anything else presented must be a valid access token. */
    private static ReactiveAuthenticationManager authenticationManager(ApiKeys keys, OidcProperties oidc) {
        ReactiveAuthenticationManager tokens = oidc.enabled() ? new JwtReactiveAuthenticationManager(decoder(oidc)) : null;
        return authentication -> {
            String presented = ((BearerTokenAuthenticationToken) authentication).getToken();
            return keys.nameOf(presented)
                    .<Mono<org.springframework.security.core.Authentication>>map(name -> Mono.just(new ApiKeyAuthentication(name)))
                    .orElseGet(() -> tokens != null ? tokens.authenticate(authentication)
                            : Mono.error(new InvalidBearerTokenException("The API key is not valid.")));
        };
    }

    /** Discovery and the key set are fetched on first use (the provider may start after the gateway) and cached. */
    static NimbusReactiveJwtDecoder decoder(OidcProperties oidc) {
        // The JOSE header's typ may be JWT, RFC 9068's at+jwt, or absent (not, say, a back-channel logout+jwt);
        // Nimbus's own check knows JWT only, so the validators check it.
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri())
                .validateType(false).build();
        List<String> types = new ArrayList<>(AccessTokenValidator.AT_JWT);
        types.add("JWT");
        JwtTypeValidator type = new JwtTypeValidator(types);
        type.setAllowEmpty(true);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator(oidc.issuerUri()),
                type, new AccessTokenValidator(oidc.audience(), oidc.clientId()))));
        return decoder;
    }
}
