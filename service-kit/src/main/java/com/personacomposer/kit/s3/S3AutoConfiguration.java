package com.personacomposer.kit.s3;

import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 clients for the services that use the bucket. Credentials come from the default AWS chain only (task role on
 * ECS; environment or system properties locally). Path-style addressing keeps S3-compatible servers working.
 */
@AutoConfiguration
@ConditionalOnClass(S3Client.class)
@EnableConfigurationProperties(S3Properties.class)
public class S3AutoConfiguration {

    @Bean(destroyMethod = "close")
    S3Client s3Client(S3Properties properties) {
        var builder = S3Client.builder().region(Region.of(properties.region())).forcePathStyle(true);
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    /** Signs for the endpoint clients will use: a URL signed for one host is refused on another. */
    @Bean(destroyMethod = "close")
    @Lazy
    S3Presigner s3Presigner(S3Properties properties) {
        var builder = S3Presigner.builder()
                .region(Region.of(properties.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        URI endpoint = properties.presignEndpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
