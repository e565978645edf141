package com.personacomposer.webhook;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.test.DevStack;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.kit.address.AddressGuard;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.testing.MutableClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;

/**
 * webhook-service started by a test on the devstack, configured through the variables a deployment sets, with the
 * receivers on loopback allowed (PERSONA_WEBHOOK_ALLOW_LOCAL) and seconds for the retry schedule. Its clock is
 * {@link #CLOCK}; its name resolution knows two test names ({@link #PRIVATE_HOST} on a private address,
 * {@link #LOOPBACK_HOST} on loopback). Started and stopped by the test, so a test can stop it mid-retry and start
 * another on the same database.
 */
final class RunningService implements AutoCloseable {

    static final MutableClock CLOCK = MutableClock.running();
    static final String PRIVATE_HOST = "private-hooks.test";
    static final String LOOPBACK_HOST = "hooks.test";
    /** A test key (base64 of 32 bytes); deployments get theirs from the environment. */
    static final String ENCRYPTION_KEY = "dGVzdC1vbmx5LWtleS1mb3Itd2ViaG9vay1zZWNyZXQ=";

    private final ConfigurableApplicationContext context;
    private final String database;

    private RunningService(ConfigurableApplicationContext context, String database) {
        this.context = context;
        this.database = database;
    }

    /** @param overrides properties beside the defaults below (say, another retry schedule); a null value removes one */
    static RunningService start(String database, String personaServiceUri, Map<String, Object> overrides) {
        Infrastructure infra = DevStack.shared();
        Map<String, Object> properties = new HashMap<>(infra.serviceEnvironment());
        properties.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        properties.put("MONGODB_DB", database);
        properties.put("PERSONA_SERVICE_URI", personaServiceUri);
        properties.put("PERSONA_WEBHOOK_ENCRYPTION_KEY", ENCRYPTION_KEY);
        properties.put("PERSONA_WEBHOOK_ALLOW_LOCAL", "true");
        properties.put("PERSONA_WEBHOOK_RETRY_DELAYS", "1s,1s,1s");
        properties.put("server.port", "0");
        properties.put("persona.webhook.delivery.jitter", "0");
        properties.put("persona.webhook.delivery.sweep-interval", "100ms");
        properties.put("persona.webhook.delivery.status-retry", "500ms");
        properties.put("persona.webhook.delivery.announce-delay", "1s");
        properties.put("persona.webhook.sender.timeout", "2s");
        overrides.forEach((name, value) -> {
            if (value == null) {
                properties.remove(name);
            } else {
                properties.put(name, value);
            }
        });
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WebhookServiceApplication.class,
                TestBeans.class)
                .initializers(ctx -> ctx.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("test", properties)))
                .run();
        return new RunningService(context, database);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    void publish(PersonaEvent event) {
        context.getBean(EventPublisher.class).publish(event);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The raw documents of one of its collections, as MongoDB holds them. */
    static <T> T raw(String database, String collection, java.util.function.Function<MongoCollection<Document>, T> read) {
        try (MongoClient client = MongoClients.create(DevStack.shared().mongoUri())) {
            return read.apply(client.getDatabase(database).getCollection(collection));
        }
    }

    <T> T raw(String collection, java.util.function.Function<MongoCollection<Document>, T> read) {
        return raw(database, collection, read);
    }

    /** The stored document of a delivery. */
    Document delivery(String webhookId) {
        return raw("deliveries", deliveries -> deliveries.find(new Document("_id", webhookId)).first());
    }

    /** How many deliveries are stored for a request. */
    long deliveriesOf(java.util.UUID requestId) {
        return raw("deliveries", deliveries -> deliveries.countDocuments(new Document("requestId",
                requestId.toString())));
    }

    String database() {
        return database;
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        java.time.Clock testClock() {
            return CLOCK;
        }

        @Bean
        @Primary
        AddressGuard.HostResolver testResolver() {
            return host -> switch (host) {
                case PRIVATE_HOST -> new InetAddress[] {InetAddress.getByName("10.0.0.5")};
                case LOOPBACK_HOST -> new InetAddress[] {InetAddress.getLoopbackAddress()};
                default -> resolveSystem(host);
            };
        }

        private static InetAddress[] resolveSystem(String host) throws UnknownHostException {
            return AddressGuard.SYSTEM_RESOLVER.resolve(host);
        }
    }
}
