package com.personacomposer.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.events.PersonaCompleted;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.gateway.config.GatewayProperties;
import com.personacomposer.gateway.downstream.PersonaServiceClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

class RequestStatusWatcherTest {

    private static final Duration NEVER = Duration.ofMinutes(10);

    private final UUID requestId = UUID.randomUUID();
    private final RequestFinishes finishes = new RequestFinishes();
    private final AtomicInteger asks = new AtomicInteger();
    private volatile String state = "PENDING";

    @Test
    void aCompletedEventEndsTheWaitAtOnceWithoutAsking() throws Exception {
        RequestStatusWatcher watcher = watcher(NEVER);
        CompletableFuture<RequestEnd> finished = watcher.awaitFinished(requestId, Duration.ofSeconds(30)).toFuture();
        Thread.sleep(300);

        finishes.signal(PersonaCompleted.of(requestId, "ada", "ada-lovelace", "image-1"));

        assertThat(finished.get(2, TimeUnit.SECONDS)).isEqualTo(new RequestEnd.Completed("ada-lovelace"));
        assertThat(asks).as("the event is the news: persona-service publishes it once the persona is stored")
                .hasValue(0);
    }

    @Test
    void aFailureThatPersonaServiceRecordsAMomentLaterIsStillSeenPromptly() throws Exception {
        RequestStatusWatcher watcher = watcher(NEVER);
        CompletableFuture<RequestEnd> finished = watcher.awaitFinished(requestId, Duration.ofSeconds(30)).toFuture();
        Thread.sleep(100);

        finishes.signal(PersonaFailed.of(requestId, "ada", FailureStage.IMAGE, "refused"));
        Thread.sleep(300);
        state = "FAILED";

        assertThat(finished.get(2, TimeUnit.SECONDS)).isInstanceOfSatisfying(RequestEnd.Failed.class,
                failed -> assertThat(failed.status().path("status").asString()).isEqualTo("FAILED"));
    }

    @Test
    void aCanceledEventEndsTheWaitWithTheCanceledStatus() throws Exception {
        RequestStatusWatcher watcher = watcher(NEVER);
        CompletableFuture<RequestEnd> finished = watcher.awaitFinished(requestId, Duration.ofSeconds(30)).toFuture();
        Thread.sleep(100);

        state = "CANCELED";
        finishes.signal(PersonaCanceled.of(requestId, "ada", null));

        assertThat(finished.get(2, TimeUnit.SECONDS)).isInstanceOfSatisfying(RequestEnd.Canceled.class,
                canceled -> assertThat(canceled.status().path("status").asString()).isEqualTo("CANCELED"));
    }

    @Test
    void theSlowPollFindsAFinishWhoseEventWasMissed() throws Exception {
        RequestStatusWatcher watcher = watcher(Duration.ofMillis(200));
        CompletableFuture<RequestEnd> finished = watcher.awaitFinished(requestId, Duration.ofSeconds(30)).toFuture();

        state = "COMPLETED";

        assertThat(finished.get(5, TimeUnit.SECONDS)).isEqualTo(new RequestEnd.Completed("ada"));
    }

    @Test
    void aWaitingPostLeavesStageChangesToEventStreams() throws Exception {
        RequestStatusWatcher watcher = watcher(Duration.ofMillis(50), NEVER);
        CompletableFuture<RequestEnd> finished = watcher.awaitFinished(requestId, Duration.ofSeconds(30)).toFuture();
        List<JsonNode> streamed = watcher.watch(requestId).take(3).collectList().block(Duration.ofSeconds(5));

        assertThat(streamed).hasSize(3);
        assertThat(asks).as("asks of the event stream alone").hasValue(3);
        assertThat(finished).isNotDone();
        finished.cancel(true);
    }

    @Test
    void anotherRequestsEventWakesNobody() throws Exception {
        RequestStatusWatcher watcher = watcher(NEVER);
        CompletableFuture<RequestEnd> finished = watcher.awaitFinished(requestId, Duration.ofSeconds(30)).toFuture();
        Thread.sleep(100);

        finishes.signal(PersonaCompleted.of(UUID.randomUUID(), "bob", "bob", "image-2"));
        Thread.sleep(300);

        assertThat(asks).hasValue(0);
        assertThat(finished).isNotDone();
        finished.cancel(true);
    }

    @Test
    void waitersThatStopLeaveNothingBehind() {
        RequestStatusWatcher watcher = watcher(NEVER);
        state = "COMPLETED";
        Mono<RequestEnd> done = watcher.awaitFinished(requestId, Duration.ofSeconds(30))
                .doOnSubscribe(subscription -> Mono.delay(Duration.ofMillis(100))
                        .subscribe(tick -> finishes.signal(PersonaCompleted.of(requestId, "ada", "ada", "image-1"))));

        assertThat(done.block(Duration.ofSeconds(5))).isNotNull();
        assertThat(watcher.awaitFinished(UUID.randomUUID(), Duration.ofMillis(200)).blockOptional()).isEmpty();

        assertThat(finishes.waiting()).isZero();
    }

    private RequestStatusWatcher watcher(Duration interval) {
        return watcher(interval, interval);
    }

    private RequestStatusWatcher watcher(Duration pollInterval, Duration finishCheckInterval) {
        WebClient web = WebClient.builder().baseUrl("http://persona-service").exchangeFunction(request -> {
            asks.incrementAndGet();
            String path = request.url().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            String body = "{\"requestId\":\"" + id + "\",\"slug\":\"ada\",\"status\":\"" + state + "\"}";
            return Mono.just(ClientResponse.create(HttpStatus.OK)
                    .header("Content-Type", MediaType.APPLICATION_JSON_VALUE).body(body).build());
        }).build();
        GatewayProperties properties = new GatewayProperties(URI.create("http://persona-service"),
                URI.create("http://image-service"), URI.create("http://webhook-service"), ImageModel.LOCAL,
                DataSize.ofKilobytes(64), Duration.ofSeconds(60), pollInterval, finishCheckInterval, Duration.ofMinutes(10),
                Duration.ofSeconds(2), false);
        return new RequestStatusWatcher(new PersonaServiceClient(web), finishes, properties);
    }
}
