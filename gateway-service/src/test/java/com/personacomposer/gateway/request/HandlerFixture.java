package com.personacomposer.gateway.request;

import com.personacomposer.events.ImageModel;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.gateway.access.ModelAccess;
import com.personacomposer.gateway.config.GatewayProperties;
import com.personacomposer.gateway.downstream.PersonaServiceClient;
import com.personacomposer.gateway.status.RequestFinishes;
import com.personacomposer.gateway.status.RequestStatusWatcher;
import com.personacomposer.gateway.web.ProblemExceptionHandler;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.kafka.PipelineKafkaProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunctions;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/personas wired by hand: a stubbed persona-service, an in-memory publisher, no Spring context. */
final class HandlerFixture {

    /** As Spring's codecs do: a problem's properties (errors) at the top level. */
    static final JsonMapper JSON = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    final StubPersonaService personaService = new StubPersonaService();
    final List<PersonaEvent> published = new CopyOnWriteArrayList<>();
    volatile RuntimeException publishFailure;
    final WebTestClient client;

    /** Open: neither sign-in nor API keys configured, every model allowed. */
    HandlerFixture() {
        this(new ModelAccess(true, List.of()));
    }

    /** Callers are anonymous here: {@code access} decides which models they may use. */
    HandlerFixture(ModelAccess access) {
        this.client = clientFor(WebClient.builder().baseUrl("http://persona-service").exchangeFunction(personaService).build(),
                access);
    }

    /** A fixture whose persona-service is at {@code personaServiceUrl} (say, where nothing listens). */
    HandlerFixture(String personaServiceUrl) {
        this.client = clientFor(WebClient.builder().baseUrl(personaServiceUrl).build(), new ModelAccess(true, List.of()));
    }

    static GatewayProperties properties() {
        return new GatewayProperties(URI.create("http://persona-service"), URI.create("http://image-service"),
                URI.create("http://webhook-service"), ImageModel.LOCAL, DataSize.ofKilobytes(64), Duration.ofSeconds(60),
                Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMinutes(10), Duration.ofSeconds(2), false);
    }

    private WebTestClient clientFor(WebClient webClient, ModelAccess access) {
        GatewayProperties properties = properties();
        PersonaServiceClient client = new PersonaServiceClient(webClient);
        EventPublisher publisher = new EventPublisher(null, Duration.ofSeconds(1)) {
            @Override
            public CompletableFuture<SendResult<String, PersonaEvent>> publishAsync(PersonaEvent event) {
                if (publishFailure != null) {
                    return CompletableFuture.failedFuture(publishFailure);
                }
                published.add(event);
                return CompletableFuture.completedFuture(null);
            }
        };
        var service = new PersonaRequestService(client, publisher, new RequestStatusWatcher(client, new RequestFinishes(), properties),
                new PipelineKafkaProperties(6, (short) 1, 0, Duration.ofMillis(500), Duration.ofSeconds(1), null, 256));
        var handler = new CreatePersonaHandler(service, access, new WebhookTargetCheck(false, host -> {
            throw new java.net.UnknownHostException(host + " (no names resolve here)");
        }), JSON, properties);
        return WebTestClient.bindToRouterFunction(new CreatePersonaRoutes().createPersonaRoute(handler))
                .handlerStrategies(HandlerStrategies.builder().exceptionHandler(new ProblemExceptionHandler(JSON)).build())
                .configureClient()
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }
}
