package com.personacomposer.persona.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MongoDB client, built with the plain sync driver (no Spring Data: nothing here needs a mapping layer). */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    /** Used unless the connection string says otherwise: the driver's 30 s would stall health checks and requests. */
    private static final long SERVER_SELECTION_TIMEOUT_SECONDS = 5;

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoProperties properties, MeterRegistry meters) {
        ConnectionString connection = new ConnectionString(properties.uri());
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applicationName("persona-service")
                .addCommandListener(new MongoMetricsCommandListener(meters))
                .applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(
                        new MongoMetricsConnectionPoolListener(meters)));
        if (connection.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                    SERVER_SELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.database());
    }

    /**
     * Health "mongo" by {@code {ping: 1}}: Boot's own Mongo indicator needs the {@code hello} command, which the
     * devstack's wire server lacks.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return () -> {
            try {
                database.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", database.getName()).build();
            } catch (MongoException e) {
                return Health.down(e).build();
            }
        };
    }
}
