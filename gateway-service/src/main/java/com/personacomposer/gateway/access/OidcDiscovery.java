package com.personacomposer.gateway.access;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

/**
 * The OpenID provider's endpoints for the web page, from its discovery document. The provider may start after the
 * gateway: the document is fetched as the gateway starts and, until it is known, again when asked (at most every
 * {@code retryInterval}); once known it is kept, as the provider's endpoints change only with its configuration.
 * Meanwhile whoever asks learns what is known, which may be nothing.
 * <p>
 * The fetch uses a WebClient of its own, not Boot's builder: calls made with that builder carry the caller's
 * principal headers ({@link PrincipalForwarding}), which are no business of the provider's.
 */
public class OidcDiscovery {

    private static final Logger log = LoggerFactory.getLogger(OidcDiscovery.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String issuer;
    private final WebClient client;
    private final long retryNanos;
    private final LongSupplier nanoTime;
    private final AtomicReference<ProviderEndpoints> known = new AtomicReference<>();
    private Mono<ProviderEndpoints> inFlight;
    private long lastAttempt;
    private boolean attempted;

    /** {@code issuer} empty: no sign-in, nothing to discover. */
    OidcDiscovery(String issuer, Duration retryInterval, LongSupplier nanoTime) {
        this.issuer = issuer;
        this.retryNanos = retryInterval.toNanos();
        this.nanoTime = nanoTime;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
                .responseTimeout(TIMEOUT);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** Whether the page offers sign-in: an issuer is configured. */
    public boolean signInEnabled() {
        return !issuer.isEmpty();
    }

    /** The endpoints as known now (for the page's Content-Security-Policy), empty until the document was read. */
    public Optional<ProviderEndpoints> known() {
        return Optional.ofNullable(known.get());
    }

    /** The endpoints: at once when known; else from a fetch (started now unless one ran lately), waited for up to {@code wait}. */
    Mono<Optional<ProviderEndpoints>> endpoints(Duration wait) {
        ProviderEndpoints current = known.get();
        if (current != null || issuer.isEmpty()) {
            return Mono.just(Optional.ofNullable(current));
        }
        return fetchIfDue().map(Optional::of)
                .timeout(wait, Mono.empty())
                .defaultIfEmpty(Optional.empty());
    }

    /** Starts a fetch unless the endpoints are known, one is under way or the last one was too recent. */
    synchronized Mono<ProviderEndpoints> fetchIfDue() {
        if (known.get() != null || issuer.isEmpty()) {
            return Mono.justOrEmpty(known.get());
        }
        long now = nanoTime.getAsLong();
        if (inFlight == null && (!attempted || now - lastAttempt >= retryNanos)) {
            attempted = true;
            lastAttempt = now;
            Mono<ProviderEndpoints> fetch = fetch().cache();
            inFlight = fetch;
            // It runs to its end even when nobody waits for it any more.
            fetch.subscribe(endpoints -> { }, error -> { });
        }
        return inFlight == null ? Mono.empty() : inFlight;
    }

    private Mono<ProviderEndpoints> fetch() {
        String location = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
        return client.get().uri(location).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(discovery -> ProviderEndpoints.of(issuer, discovery))
                .doOnNext(endpoints -> {
                    known.set(endpoints);
                    log.info("OpenID provider {}: the page signs in at {} and exchanges codes at {}", issuer,
                            endpoints.authorizationEndpoint(), endpoints.tokenEndpoint());
                })
                .doOnError(error -> log.warn("OpenID provider {}: discovery document unavailable ({}); asking again "
                        + "when the page next needs it", issuer, error.getMessage()))
                .onErrorResume(error -> Mono.empty())
                // Before the outcome reaches anyone: a caller it wakes may ask again at once, and must find no
                // fetch under way then.
                .doOnTerminate(this::done);
    }

    private synchronized void done() {
        inFlight = null;
    }
}
