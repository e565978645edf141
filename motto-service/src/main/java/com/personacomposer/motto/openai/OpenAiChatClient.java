package com.personacomposer.motto.openai;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One chat completion against an OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio, LocalAI), guarded as
 * Retry(CircuitBreaker(Bulkhead(TimeLimiter(call)))) by the resilience4j instances named {@value #INSTANCE}.
 */
class OpenAiChatClient {

    static final String INSTANCE = "openai-chat";
    private static final int MAX_ERROR_MESSAGE = 200;

    private final OpenAiChatProperties properties;
    private final URI endpoint;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;

    OpenAiChatClient(OpenAiChatProperties properties, Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead,
                     TimeLimiter timeLimiter) {
        this.properties = properties;
        String base = properties.baseUrl().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
        // HTTP/1.1: a plain-http local server (Ollama, vLLM) need not understand an h2c upgrade.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
        this.timeLimiter = timeLimiter;
    }

    /**
     * @throws ChatProviderException when the endpoint answered with an error status (after retries if retryable)
     * @throws Exception             I/O errors and timeouts after retries, an open circuit, a full bulkhead
     */
    ChatReply complete(String systemPrompt, String userPrompt) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + properties.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body(systemPrompt, userPrompt))))
                .build();
        Callable<ChatReply> attempt = () -> read(timeLimiter.executeFutureSupplier(
                () -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))));
        return Retry.decorateCallable(retry,
                CircuitBreaker.decorateCallable(circuitBreaker,
                        Bulkhead.decorateCallable(bulkhead, attempt))).call();
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

    private ChatReply read(HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw error(response);
        }
        JsonNode choice;
        try {
            choice = json.readTree(response.body()).path("choices").path(0);
        } catch (JacksonException e) {
            throw new IOException("the chat endpoint's reply is not JSON", e);
        }
        if (choice.isMissingNode()) {
            throw new IOException("the chat endpoint's reply has no choices");
        }
        JsonNode message = choice.path("message");
        return new ChatReply(text(message.path("content")), text(message.path("refusal")),
                text(choice.path("finish_reason")));
    }

    /**
     * OpenAI: {"error":{"message","type","code":"rate_limit_exceeded"}}; Ollama and vLLM put the status in
     * error.code (or answer {"error":"..."}, or the fields at the top level): then the type names the error.
     */
    private ChatProviderException error(HttpResponse<String> response) {
        int status = response.statusCode();
        String code = null;
        String message = null;
        try {
            JsonNode root = json.readTree(response.body());
            JsonNode error = root.has("error") ? root.path("error") : root;
            if (error.isString()) {
                message = error.asString();
            } else {
                JsonNode codeNode = error.path("code");
                code = codeNode.isString() ? codeNode.asString() : text(error.path("type"));
                message = text(error.path("message"));
            }
        } catch (JacksonException notJson) {
            // An HTML error page from a proxy: the status says enough.
        }
        StringBuilder description = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            description.append(" (").append(code).append(')');
        }
        // A 401/403 message may quote part of the key; the status and code say what happened.
        if (message != null && status != 401 && status != 403) {
            description.append(": ").append(scrub(message));
        }
        return new ChatProviderException(status, code, description.toString(), retryAfter(response));
    }

    /** retry-after-ms (OpenAI), else Retry-After in seconds or as an HTTP date. */
    private static Duration retryAfter(HttpResponse<?> response) {
        try {
            var millis = response.headers().firstValue("retry-after-ms");
            if (millis.isPresent()) {
                return Duration.ofMillis((long) Double.parseDouble(millis.get().strip()));
            }
            var value = response.headers().firstValue("retry-after");
            if (value.isEmpty()) {
                return null;
            }
            String retryAfter = value.get().strip();
            if (retryAfter.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                return Duration.ofMillis((long) (Double.parseDouble(retryAfter) * 1000));
            }
            Duration until = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (NumberFormatException | DateTimeParseException unreadable) {
            return null;
        }
    }

    private String scrub(String message) {
        String scrubbed = properties.apiKey() == null || properties.apiKey().isBlank() ? message
                : message.replace(properties.apiKey(), "***");
        return scrubbed.length() <= MAX_ERROR_MESSAGE ? scrubbed : scrubbed.substring(0, MAX_ERROR_MESSAGE) + "…";
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
