package com.personacomposer.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.devstack.test.ContainerInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The containers run compose's images, read from docker-compose.yml: the one file whose tags Dependabot updates. */
class ContainerImagesTest {

    @Test
    void theContainersRunTheImagesComposeRuns() throws Exception {
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));

        for (String repository : List.of("apache/kafka", "mongo", "minio/minio")) {
            String image = ContainerInfrastructure.composeImage(repository);

            assertThat(image).startsWith(repository + ":").hasSizeGreaterThan(repository.length() + 1);
            assertThat(compose).contains("image: " + image + "\n");
        }
    }

    @Test
    void anImageComposeDoesNotRunIsNamedInTheError() {
        assertThatThrownBy(() -> ContainerInfrastructure.composeImage("redis"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("redis");
    }
}
