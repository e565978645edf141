package com.personacomposer.kit.s3;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The image bucket (S3_BUCKET_NAME, S3_ENDPOINT, S3_PUBLIC_ENDPOINT, AWS_REGION, S3_PRESIGN_TTL).
 *
 * @param bucket         the bucket holding every image and thumbnail (S3_BUCKET_NAME)
 * @param endpoint       the S3 API the service talks to; null means AWS itself
 * @param publicEndpoint the host clients fetch presigned URLs from (URLs are bound to it); null means the endpoint
 * @param region         the bucket's AWS region (AWS_REGION)
 * @param presignTtl     how long a presigned image URL stays valid
 */
@Validated
@ConfigurationProperties("persona.s3")
public record S3Properties(
        @NotBlank String bucket,
        URI endpoint,
        URI publicEndpoint,
        @NotBlank String region,
        @NotNull Duration presignTtl) {

    public URI presignEndpoint() {
        return publicEndpoint != null ? publicEndpoint : endpoint;
    }
}
