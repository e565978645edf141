package com.personacomposer.kit.provider;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Makes the HTTP client and the resilience guard of each paid provider, the same way for every service. */
public class ProviderClients {

    private final RestClient.Builder builder;
    private final JsonMapper json;
    private final ProviderProperties properties;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;
    private final BulkheadRegistry bulkheads;

    ProviderClients(RestClient.Builder builder, JsonMapper json, ProviderProperties properties, RetryRegistry retries,
                    CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads) {
        this.builder = builder;
        this.json = json;
        this.properties = properties;
        this.retries = retries;
        this.circuitBreakers = circuitBreakers;
        this.bulkheads = bulkheads;
    }

    /**
     * A client for {@code provider} (the name its failure reasons use) whose calls fail after {@code timeout}
     * without an answer. HTTP/1.1, so a plain-http local server (Ollama, vLLM) need not understand an h2c upgrade;
     * redirects are not followed.
     */
    public ProviderHttp http(String provider, Duration timeout) {
        HttpClientSettings settings = HttpClientSettings.defaults()
                .withTimeouts(properties.connectTimeout(), timeout)
                .withRedirects(HttpRedirects.DONT_FOLLOW);
        RestClient client = builder.clone()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(http -> http.version(HttpClient.Version.HTTP_1_1))
                        .build(settings))
                .build();
        return new ProviderHttp(provider, client, json, timeout);
    }

    /**
     * The retry, circuit breaker and bulkhead named {@code instance}; {@code provider} is the name the failure
     * reasons of calls it holds back use.
     */
    public ProviderGuard guard(String instance, String provider) {
        return new ProviderGuard(provider, retries.retry(instance), circuitBreakers.circuitBreaker(instance),
                bulkheads.bulkhead(instance));
    }
}
