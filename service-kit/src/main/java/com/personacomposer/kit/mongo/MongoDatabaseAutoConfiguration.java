package com.personacomposer.kit.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The service's own database, on Boot's MongoDB client (spring.mongodb.*, fed by MONGODB_URI and MONGODB_DB; Boot adds
 * its health indicator, metrics and SSL bundles), in the services that keep state in MongoDB: the client names the
 * service, gives up finding a server after 5 s unless the connection string says otherwise (the driver's 30 s would
 * stall health checks, requests and sweeps), and the database of MONGODB_DB is a bean.
 */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(name = {"com.mongodb.client.MongoClient",
    "org.springframework.boot.mongodb.autoconfigure.MongoProperties"})
public class MongoDatabaseAutoConfiguration {

    private static final long SERVER_SELECTION_TIMEOUT_SECONDS = 5;

    @Bean
    MongoClientSettingsBuilderCustomizer serviceMongoSettings(MongoProperties properties, Environment environment) {
        ConnectionString connection = new ConnectionString(properties.determineUri());
        String application = environment.getProperty("spring.application.name", "persona-composer");
        return settings -> {
            settings.applicationName(application);
            if (connection.getServerSelectionTimeout() == null) {
                settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        SERVER_SELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
        };
    }

    @Bean
    @ConditionalOnBean(MongoClient.class)
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }
}
