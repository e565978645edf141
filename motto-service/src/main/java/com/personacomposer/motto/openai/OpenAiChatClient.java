package com.personacomposer.motto.openai;

import com.personacomposer.kit.provider.ProviderClients;
import com.personacomposer.kit.provider.ProviderGuard;
import com.personacomposer.kit.provider.ProviderHttp;
import com.personacomposer.kit.provider.ProviderRejectedException;
import com.personacomposer.kit.provider.ProviderUnavailableException;
import com.personacomposer.kit.reason.PublicReasons;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * One chat completion against an OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio, LocalAI), guarded by
 * the resilience4j instances named {@value #INSTANCE}. A failure is a {@link ProviderUnavailableException} when
 * another attempt may succeed (429 other than insufficient_quota, 500, 502, 503, 504, I/O errors, timeouts, an
 * unreadable reply: {@link ProviderHttp#failure}), else a {@link ProviderRejectedException}.
 */
class OpenAiChatClient {

    static final String INSTANCE = "openai-chat";
    private static final String PROVIDER = "the chat provider";

    private final OpenAiChatProperties properties;
    private final URI endpoint;
    private final ProviderHttp http;
    private final ProviderGuard guard;

    OpenAiChatClient(OpenAiChatProperties properties, ProviderClients clients) {
        this.properties = properties;
        this.endpoint = UriComponentsBuilder.fromUri(properties.baseUrl()).pathSegment("chat", "completions").build()
                .toUri();
        this.http = clients.http(PROVIDER, properties.timeout());
        this.guard = clients.guard(INSTANCE, PROVIDER);
    }

    ChatReply complete(String systemPrompt, String userPrompt) {
        Map<String, Object> body = body(systemPrompt, userPrompt);
        return guard.call(() -> read(http.post(endpoint, headers -> headers.setBearerAuth(properties.apiKey()),
                body, false)));
    }

    private Map<String, Object> body(String systemPrompt, String userPrompt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", properties.model());
        body.put("messages", List.of(
                Map.of("role", "system", "content", systemPrompt),
                Map.of("role", "user", "content", userPrompt)));
        body.put("temperature", properties.temperature());
        body.put(properties.tokenLimitField(), properties.maxTokens());
        return body;
    }

    private ChatReply read(ProviderHttp.Response response) {
        if (!response.successful()) {
            throw error(response);
        }
        if (!response.body().isObject()) {
            throw new ProviderUnavailableException("the chat endpoint's reply is not JSON", (Duration) null);
        }
        JsonNode choice = response.body().path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new ProviderUnavailableException("the chat endpoint's reply has no choices", (Duration) null);
        }
        JsonNode message = choice.path("message");
        return new ChatReply(text(message.path("content")), text(message.path("refusal")),
                text(choice.path("finish_reason")));
    }

    /**
     * OpenAI: {"error":{"message","type","code":"rate_limit_exceeded"}}; Ollama and vLLM put the status in
     * error.code (or answer {"error":"..."}, or the fields at the top level): then the type names the error. An
     * HTML error page from a proxy has none of these: the status says enough.
     */
    private RuntimeException error(ProviderHttp.Response response) {
        int status = response.status();
        JsonNode root = response.body();
        JsonNode error = root.has("error") ? root.path("error") : root;
        String code = null;
        String message = null;
        if (error.isString()) {
            message = error.asString();
        } else if (error.isObject()) {
            JsonNode codeNode = error.path("code");
            code = codeNode.isString() ? codeNode.asString() : text(error.path("type"));
            message = text(error.path("message"));
        }
        StringBuilder description = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            description.append(" (").append(code).append(')');
        }
        // A 401/403 message may quote part of the key; the status and code say what happened.
        if (message != null && status != 401 && status != 403) {
            description.append(": ").append(message);
        }
        return http.failure(response, PublicReasons.scrub(description.toString(), properties.apiKey()),
                "insufficient_quota".equals(code));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
