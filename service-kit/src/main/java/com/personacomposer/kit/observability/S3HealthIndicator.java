package com.personacomposer.kit.observability;

import com.personacomposer.kit.s3.S3Properties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready only while the image bucket is reachable with this service's credentials. */
public class S3HealthIndicator extends AbstractHealthIndicator {

    private final S3Client s3;
    private final String bucket;

    public S3HealthIndicator(S3Client s3, S3Properties properties) {
        super("S3 health check failed");
        this.s3 = s3;
        this.bucket = properties.bucket();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        s3.headBucket(head -> head.bucket(bucket));
        builder.up().withDetail("bucket", bucket);
    }
}
