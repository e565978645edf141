package com.personacomposer.persona.store;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database of personas, requests and idempotency keys, on Boot's MongoDB client (spring.mongodb.*, fed by
 * MONGODB_URI and MONGODB_DB; Boot adds its health indicator, metrics and SSL bundles).
 */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    /** Used unless the connection string says otherwise: the driver's 30 s would stall health checks and requests. */
    private static final long SERVER_SELECTION_TIMEOUT_SECONDS = 5;

    @Bean
    MongoClientSettingsBuilderCustomizer personaServiceMongoSettings(MongoProperties properties) {
        ConnectionString connection = new ConnectionString(properties.determineUri());
        return settings -> {
            settings.applicationName("persona-service");
            if (connection.getServerSelectionTimeout() == null) {
                settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        SERVER_SELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
        };
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }
}
