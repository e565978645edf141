package com.personacomposer.image.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.devstack.test.DevStackTest;
import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.image.testing.PipelineClient;
import com.personacomposer.image.testing.ServiceHttp;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service on the devstack broker, driven and observed the way its neighbours do it: through Kafka and HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "persona.image.public-url=http://image-service.test:8082",
    // Whatever the machine's environment holds, these tests run without provider keys.
    "OPENAI_API_KEY=",
    "REPLICATE_API_TOKEN="})
@DevStackTest
class ImagePipelineIT {

    @RegisterExtension
    static final PipelineClient pipeline = new PipelineClient();

    @LocalServerPort
    int port;

    @Test
    void aLocalRequestIsAnnouncedWithADownloadable512PixelPng() throws Exception {
        PersonaRequested request = request(ImageModel.LOCAL, "a red-haired pirate on the ocean");

        pipeline.request(request);

        ImageGenerated event = (ImageGenerated) pipeline.awaitOne(request.requestId());
        assertThat(event.model()).isEqualTo(ImageModel.LOCAL);
        assertThat(event.personaKey()).isEqualTo(request.personaKey());
        assertThat(event.revisedPrompt()).isNull();
        assertThat(event.imageUrl()).matches("http://image-service\\.test:8082/generated/local/[A-Za-z0-9_-]+");
        BufferedImage image = ServiceHttp.servedPng(port, event.imageUrl());
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
    }

    @Test
    void aDallERequestWithoutAKeyFailsAtTheImageStage() {
        PersonaRequested request = request(ImageModel.DALL_E, "a chess grandmaster");

        pipeline.request(request);

        PersonaFailed failed = (PersonaFailed) pipeline.awaitOne(request.requestId());
        assertThat(failed.stage()).isEqualTo(FailureStage.IMAGE);
        assertThat(failed.reason()).isEqualTo("dall-e is not configured: set OPENAI_API_KEY");
    }

    @Test
    void aRedeliveredRequestIsAnnouncedAgainWithTheSameImage() {
        PersonaRequested request = request(ImageModel.LOCAL, "a lighthouse keeper");

        pipeline.request(request);
        pipeline.awaitOne(request.requestId());
        pipeline.request(request);

        List<PersonaEvent> events = pipeline.await(request.requestId(), 2, Duration.ofSeconds(30));
        assertThat(events).hasSize(2).allMatch(ImageGenerated.class::isInstance);
        assertThat(((ImageGenerated) events.get(1)).imageUrl()).isEqualTo(((ImageGenerated) events.get(0)).imageUrl());
    }

    @Test
    void listsTheModelsThisConfigurationCanRun() throws Exception {
        HttpResponse<byte[]> response = ServiceHttp.get(port, "/api/models");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(body.path("default").asString()).isEqualTo("local");
        assertThat(body.path("models").toString()).isEqualTo("["
                + "{\"id\":\"local\",\"name\":\"Local renderer\",\"available\":true},"
                + "{\"id\":\"dall-e\",\"name\":\"DALL-E\",\"available\":false,\"reason\":\"set OPENAI_API_KEY\"},"
                + "{\"id\":\"openjourney\",\"name\":\"OpenJourney\",\"available\":false,"
                + "\"reason\":\"set REPLICATE_API_TOKEN\"}]");
    }

    @Test
    void anUnknownImageIsAProblem404() throws Exception {
        HttpResponse<byte[]> response = ServiceHttp.get(port, "/generated/" + "A".repeat(43));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }


    private static PersonaRequested request(ImageModel model, String description) {
        String name = "Persona " + UUID.randomUUID();
        return PersonaRequested.of(UUID.randomUUID(), name.toLowerCase(), name, "persona-x", description,
                MottoTone.COMICAL, model);
    }
}
