package com.personacomposer.gateway.access;

import java.util.concurrent.atomic.AtomicLong;
import com.personacomposer.gateway.access.RateLimitFilter.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RateLimitFilterTest {

    private final AtomicLong now = new AtomicLong();
    private final WebTestClient client = AccessFixture.clientWith(
            AccessFixture.callersByKey("key-a", "key-b"),
            new RateLimitFilter(Scope.CREATES, new TokenBuckets(6, 2, 100, now::get), 1));

    @Test
    void overTheLimitIs429ProblemWithRetryAfterInSeconds() {
        create("198.51.100.7", "key-a").expectStatus().isOk();
        create("198.51.100.7", "key-a").expectStatus().isOk();

        create("198.51.100.7", "key-a")
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10")
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.detail").isEqualTo("Too many persona requests from this client; try again in 10 s.")
                .jsonPath("$.errors").isArray();
    }

    @Test
    void aKeyIsOneClientWhateverItsAddressAndEachKeyIsItsOwn() {
        create("198.51.100.7", "key-a").expectStatus().isOk();
        create("203.0.113.9", "key-a").expectStatus().isOk();
        create("192.0.2.44", "key-a").expectStatus().isEqualTo(429);

        create("198.51.100.7", "key-b").expectStatus().isOk();
    }

    @Test
    void withoutKeysEachAddressIsAClient() {
        WebTestClient open = AccessFixture.clientWith(AccessFixture.callersByKey(),
                new RateLimitFilter(Scope.CREATES, new TokenBuckets(6, 1, 100, now::get), 1));

        open.post().uri("/api/personas").header("X-Forwarded-For", "198.51.100.7").exchange().expectStatus().isOk();
        open.post().uri("/api/personas").header("X-Forwarded-For", "198.51.100.7").header("X-API-Key", "made-up")
                .exchange().expectStatus().isEqualTo(429);
        open.post().uri("/api/personas").header("X-Forwarded-For", "203.0.113.9").exchange().expectStatus().isOk();
    }

    @Test
    void onlyCreatingIsLimited() {
        for (int i = 0; i < 5; i++) {
            client.post().uri("/api/personas/ada/images/i1/votes").header("X-API-Key", "key-a").exchange()
                    .expectStatus().isOk();
            client.get().uri("/api/personas").exchange().expectStatus().isOk();
        }
        create("198.51.100.7", "key-a").expectStatus().isOk();
    }

    @Test
    void votesAndTheirWithdrawalsShareALimitOfTheirOwnPerPrincipal() {
        WebTestClient votes = AccessFixture.clientWith(AccessFixture.callersByKey("key-a", "key-b"),
                new RateLimitFilter(Scope.VOTES, new TokenBuckets(6, 2, 100, now::get), 1));
        String vote = "/api/personas/ada/images/i1/votes";

        votes.post().uri(vote).header("X-API-Key", "key-a").exchange().expectStatus().isOk();
        votes.delete().uri(vote).header("X-API-Key", "key-a").exchange().expectStatus().isOk();
        votes.post().uri(vote).header("X-API-Key", "key-a").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10")
                .expectBody().jsonPath("$.detail").isEqualTo("Too many votes from this client; try again in 10 s.");

        votes.delete().uri(vote).header("X-API-Key", "key-b").exchange().expectStatus().isOk();
        votes.get().uri(vote).header("X-API-Key", "key-a").exchange().expectStatus().isOk();
        votes.post().uri("/api/personas").header("X-API-Key", "key-a").exchange().expectStatus().isOk();
    }

    @Test
    void matrixParametersDoNotDodgeTheLimit() {
        create("198.51.100.7", "key-a").expectStatus().isOk();
        create("198.51.100.7", "key-a").expectStatus().isOk();

        client.post().uri("/api/personas;v=1").header("X-API-Key", "key-a").exchange().expectStatus().isEqualTo(429);
    }

    private WebTestClient.ResponseSpec create(String address, String key) {
        return client.post().uri("/api/personas").header("X-Forwarded-For", address).header("X-API-Key", key).exchange();
    }
}
