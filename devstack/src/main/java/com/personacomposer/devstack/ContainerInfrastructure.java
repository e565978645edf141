package com.personacomposer.devstack;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same three services as real containers (apache/kafka, mongo, MinIO), where a Docker engine exists. */
public final class ContainerInfrastructure implements Infrastructure {

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0.15");
    private final MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z")
            .withUserName(ACCESS_KEY)
            .withPassword(SECRET_KEY);

    private ContainerInfrastructure() {
    }

    public static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    public static ContainerInfrastructure start() {
        ContainerInfrastructure infra = new ContainerInfrastructure();
        infra.kafka.start();
        infra.mongo.start();
        infra.minio.start();
        try {
            infra.minio.execInContainer("mc", "alias", "set", "local", "http://localhost:9000", ACCESS_KEY, SECRET_KEY);
            infra.minio.execInContainer("mc", "mb", "--ignore-existing", "local/" + BUCKET);
        } catch (Exception e) {
            infra.close();
            throw new IllegalStateException("could not create bucket " + BUCKET + " in MinIO", e);
        }
        return infra;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    @Override
    public String s3Endpoint() {
        return minio.getS3URL();
    }

    @Override
    public void close() {
        minio.stop();
        mongo.stop();
        kafka.stop();
    }
}
