package com.personacomposer.devstack.test;

import com.personacomposer.devstack.Infrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same three services as real containers (apache/kafka, mongo, MinIO), where a Docker engine exists, of the
 * images docker-compose.yml runs (devstack's build copies it in; Dependabot keeps its tags current). Tests only:
 * {@link DevStack} picks it or the embedded servers.
 */
public final class ContainerInfrastructure implements Infrastructure {

    private final KafkaContainer kafka = new KafkaContainer(composeImage("apache/kafka"));
    private final MongoDBContainer mongo = new MongoDBContainer(composeImage("mongo"));
    private final MinIOContainer minio = new MinIOContainer(composeImage("minio/minio"))
            .withUserName(ACCESS_KEY)
            .withPassword(SECRET_KEY);

    private ContainerInfrastructure() {
    }

    /** {@code repository:tag} of the image docker-compose.yml runs from {@code repository}. */
    public static String composeImage(String repository) {
        try (InputStream compose = Objects.requireNonNull(
                ContainerInfrastructure.class.getResourceAsStream("/docker-compose.yml"), "docker-compose.yml not built in")) {
            String text = new String(compose.readAllBytes(), StandardCharsets.UTF_8);
            Matcher image = Pattern.compile("(?m)^\\s+image:\\s*(" + Pattern.quote(repository) + ":\\S+)").matcher(text);
            if (!image.find()) {
                throw new IllegalStateException("docker-compose.yml runs no image of " + repository);
            }
            return image.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
