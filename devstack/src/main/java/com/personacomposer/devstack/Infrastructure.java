package com.personacomposer.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where the running infrastructure listens, as the services' configuration names it (README, "Configuration"). */
public interface Infrastructure extends AutoCloseable {

    String ACCESS_KEY = "devstack";
    String SECRET_KEY = "devstack-secret";
    String BUCKET = "persona-images";
    String REGION = "us-east-1";

    String kafkaBootstrapServers();

    String mongoUri();

    String s3Endpoint();

    /**
     * The environment a service process needs to use this infrastructure: the services' variables plus the AWS
     * credentials of the devstack's S3 server (local dummies, not AWS keys).
     */
    default Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("MONGODB_URI", mongoUri());
        env.put("S3_ENDPOINT", s3Endpoint());
        env.put("S3_PUBLIC_ENDPOINT", s3Endpoint());
        env.put("S3_BUCKET_NAME", BUCKET);
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        return env;
    }

    @Override
    void close();
}
