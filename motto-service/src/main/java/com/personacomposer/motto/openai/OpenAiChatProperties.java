package com.personacomposer.motto.openai;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenAI-compatible chat model that writes mottos when an API key is set (OPENAI_API_KEY, OPENAI_BASE_URL,
 * OPENAI_CHAT_MODEL). Retries, circuit breaker and bulkhead are the resilience4j instance
 * {@value OpenAiChatClient#INSTANCE}; connect timeout and the longest Retry-After honoured are persona.providers.*.
 *
 * @param apiKey          bearer token; blank means the offline composer is used
 * @param baseUrl         the API root, e.g. https://api.openai.com/v1 or http://localhost:11434/v1 (Ollama)
 * @param model           chat model name
 * @param temperature     sampling temperature
 * @param maxTokens       the reply's token limit
 * @param tokenLimitField the request field carrying it: max_tokens (understood by OpenAI's chat models,
 *                        Ollama, vLLM, LM Studio) or max_completion_tokens (OpenAI's newer name, required
 *                        by its reasoning models)
 * @param systemPrompt    the instruction sent before the user's request
 * @param promptTemplate  the user message; ${description} and ${mottoTone} are replaced
 * @param timeout         how long one attempt may wait for the answer
 */
@Validated
@ConfigurationProperties("persona.motto.openai")
public record OpenAiChatProperties(
        String apiKey,
        @NotNull URI baseUrl,
        @NotBlank String model,
        @DecimalMin("0") @DecimalMax("2") double temperature,
        @Min(1) @Max(4096) int maxTokens,
        @NotNull @Pattern(regexp = "max_tokens|max_completion_tokens") String tokenLimitField,
        @NotBlank String systemPrompt,
        @NotBlank String promptTemplate,
        @NotNull Duration timeout) {

    public boolean enabled() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Never prints the key: records otherwise show every component. */
    @Override
    public String toString() {
        return "OpenAiChatProperties[apiKey=" + (enabled() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl
                + ", model=" + model + ", temperature=" + temperature + ", maxTokens=" + maxTokens
                + ", tokenLimitField=" + tokenLimitField + "]";
    }
}
