package com.personacomposer.image.provider.openai;

import com.personacomposer.kit.provider.ProviderClients;
import com.personacomposer.kit.provider.ProviderGuard;
import com.personacomposer.kit.provider.ProviderHttp;
import com.personacomposer.kit.reason.PublicReasons;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * POST /images/generations. Each call is retried (only when retrying can help), guarded by a circuit breaker and
 * bounded by a bulkhead, all configured under resilience4j.*.instances.{@value #INSTANCE}.
 */
@Component
class OpenAiImagesClient {

    /** The resilience4j instances (retry, circuit breaker, bulkhead) of this client's calls. */
    static final String INSTANCE = "openai-images";

    static final String PROVIDER = "DALL-E";

    private final OpenAiImageProperties properties;
    private final ProviderHttp http;
    private final ProviderGuard guard;
    private final URI endpoint;

    OpenAiImagesClient(OpenAiImageProperties properties, ProviderClients clients) {
        this.properties = properties;
        this.http = clients.http(PROVIDER, properties.timeout());
        this.guard = clients.guard(INSTANCE, PROVIDER);
        this.endpoint = UriComponentsBuilder.fromUri(properties.baseUrl()).pathSegment("images", "generations").build()
                .toUri();
    }

    /** One image request; {@code responseFormat} null leaves the parameter out (gpt-image-1 refuses it). */
    public record ImagesRequest(String model, String prompt, String size, String responseFormat) {
    }

    /** The first image of the answer: a URL or base64 bytes, and the prompt DALL-E 3 really used. */
    public record ImagesResponse(String url, String b64Json, String revisedPrompt) {
    }

    public ImagesResponse generate(ImagesRequest request) {
        return guard.call(() -> attempt(request));
    }

    private ImagesResponse attempt(ImagesRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        body.put("prompt", request.prompt());
        body.put("n", 1);
        body.put("size", request.size());
        if (request.responseFormat() != null) {
            body.put("response_format", request.responseFormat());
        }
        ProviderHttp.Response response = http.post(endpoint, headers -> headers.setBearerAuth(properties.apiKey()),
                body, false);
        if (response.successful()) {
            JsonNode first = response.body().path("data").path(0);
            return new ImagesResponse(text(first, "url"), text(first, "b64_json"), text(first, "revised_prompt"));
        }
        throw failure(response);
    }

    /** Why the call failed: the status, OpenAI's error code (or type) and message; retried as the kit decides. */
    private RuntimeException failure(ProviderHttp.Response response) {
        JsonNode error = response.body().path("error");
        String code = text(error, "code");
        String type = text(error, "type");
        String message = text(error, "message");
        String detail = PublicReasons.scrub("HTTP " + response.status()
                + (code != null ? " " + code : type != null ? " " + type : "")
                + (message != null ? ": " + message : ""), properties.apiKey());
        return http.failure(response, detail, "insufficient_quota".equals(code) || "insufficient_quota".equals(type));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
    }
}
