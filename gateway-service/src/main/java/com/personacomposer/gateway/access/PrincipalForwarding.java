package com.personacomposer.gateway.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The principal headers on every call a WebClient (built from Boot's builder, as the call to persona-service is)
 * makes while serving a request: the caller comes from the Reactor context {@link CallerFilter} wrote. Calls made
 * for nobody (anonymous callers, background work) carry none.
 */
@Component
class PrincipalForwarding implements WebClientCustomizer {

    @Override
    public void customize(WebClient.Builder builder) {
        builder.filter((request, next) -> Mono.deferContextual(context -> next.exchange(Caller.of(context)
                .map(caller -> ClientRequest.from(request).headers(headers -> write(caller, headers)).build())
                .orElse(request))));
    }

    /** The display name is URL-encoded (UTF-8): header values are ASCII, names need not be. */
    static void write(Caller caller, HttpHeaders headers) {
        headers.set(Caller.PRINCIPAL, caller.id());
        headers.set(Caller.PRINCIPAL_NAME, URLEncoder.encode(caller.name(), StandardCharsets.UTF_8).replace("+", "%20"));
        headers.set(Caller.ADMIN, Boolean.toString(caller.admin()));
    }
}
