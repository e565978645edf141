package com.personacomposer.gateway.downstream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.personacomposer.gateway.apidocs.OpenApiContract;
import com.personacomposer.gateway.testing.Backends;
import com.personacomposer.gateway.testing.SignedInSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * POST /api/requests/{id}/cancel goes to persona-service with who is asking (persona-service decides whose request
 * it is), and its answers come back as they are.
 */
class CancelIT extends SignedInSupport {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private final String requestId = UUID.randomUUID().toString();
    private final String cancel = "/api/requests/" + requestId + "/cancel";

    @Test
    void aPrincipalsCancelCarriesItsPrincipalAndTheCanceledStatusComesBack() {
        String canceled = Backends.canceled(requestId, "Ada", "ada");
        BACKEND.stubFor(post(urlPathEqualTo(cancel)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(canceled)));

        EntityExchangeResult<String> answer = client.post().uri(cancel).header("X-API-Key", KEY)
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo(canceled)
                .returnResult();

        CONTRACT.assertResponse(answer);
        BACKEND.verify(postRequestedFor(urlPathEqualTo(cancel))
                .withHeader("X-Persona-Principal", equalTo("key:hooks"))
                .withHeader("X-Persona-Principal-Name", equalTo("hooks"))
                .withHeader("X-Persona-Admin", equalTo("false"))
                .withHeader("X-API-Key", absent())
                .withHeader(HttpHeaders.AUTHORIZATION, absent()));
    }

    @Test
    void anAdminIsNamedAsOne() {
        BACKEND.stubFor(post(urlPathEqualTo(cancel)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(Backends.canceled(requestId, "Ada", "ada"))));

        client.post().uri(cancel).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isAccepted();

        BACKEND.verify(postRequestedFor(urlPathEqualTo(cancel))
                .withHeader("X-Persona-Principal", equalTo("key:ops"))
                .withHeader("X-Persona-Admin", equalTo("true")));
    }

    @Test
    void anAnonymousCancelIsLetThroughWithoutAnyPrincipalEvenOneTheClientWrote() {
        BACKEND.stubFor(post(urlPathEqualTo(cancel)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(Backends.canceled(requestId, "Ada", "ada"))));

        client.post().uri(cancel)
                .header("X-Persona-Principal", "key:ops").header("X-Persona-Admin", "true")
                .exchange()
                .expectStatus().isAccepted();

        BACKEND.verify(postRequestedFor(urlPathEqualTo(cancel))
                .withHeader("X-Persona-Principal", absent())
                .withHeader("X-Persona-Admin", absent()));
    }

    @Test
    void personaServicesRefusalsComeBackUnchanged() {
        String[][] refusals = {
                {"409", Backends.problem(409, "Conflict", "request " + requestId
                        + " has already completed; it can no longer be canceled", cancel)},
                {"403", Backends.problem(403, "Forbidden",
                        "only the principal who made request " + requestId + " or an admin may cancel it", cancel)},
                {"404", Backends.problem(404, "Not Found", "no request has the id '" + requestId + "'", cancel)}};
        for (String[] refusal : refusals) {
            BACKEND.stubFor(post(urlPathEqualTo(cancel)).willReturn(aResponse().withStatus(Integer.parseInt(refusal[0]))
                    .withHeader("Content-Type", "application/problem+json").withBody(refusal[1])));

            EntityExchangeResult<String> answer = client.post().uri(cancel).header("X-API-Key", KEY).exchange()
                    .expectStatus().isEqualTo(Integer.parseInt(refusal[0]))
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class).isEqualTo(refusal[1])
                    .returnResult();
            CONTRACT.assertResponse(answer);
        }
    }

    @Test
    void anAnonymousCallerCancelingAPrincipalsRequestGetsPersonaServices401() {
        String unauthorized = Backends.problem(401, "Unauthorized", "Sign in to cancel this request.", cancel);
        BACKEND.stubFor(post(urlPathEqualTo(cancel)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"").withBody(unauthorized)));

        EntityExchangeResult<String> answer = client.post().uri(cancel).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"persona-composer\"")
                .expectBody(String.class).isEqualTo(unauthorized)
                .returnResult();
        CONTRACT.assertResponse(answer);
    }
}
