package com.personacomposer.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document of the public API. It is written by hand (most paths are routed to persona-service and
 * image-service, so there are no controllers here to derive it from) and kept true by a test that checks real
 * responses against it. Read once at startup: a document that does not parse stops the gateway from starting.
 */
@Component
class ApiDocument {

    public static final String LOCATION = "openapi/openapi.yaml";

    private final byte[] yaml;
    private final byte[] json;

    public ApiDocument(JsonMapper jsonMapper) {
        this.yaml = read(new ClassPathResource(LOCATION));
        JsonNode document = YAMLMapper.builder().build().readTree(yaml);
        this.json = jsonMapper.writeValueAsBytes(document);
    }

    byte[] yaml() {
        return yaml;
    }

    byte[] json() {
        return json;
    }

    private static byte[] read(ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document " + LOCATION + " cannot be read", e);
        }
    }
}
