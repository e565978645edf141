package com.personacomposer.gateway.downstream;

import com.personacomposer.gateway.config.GatewayProperties;
import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

@Configuration(proxyBeanMethods = false)
class PersonaServiceClientConfiguration {

    /** A persona with many images is a large JSON document; WebClient's default 256 KiB buffer is too small for it. */
    private static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
    /**
     * The gateway's routes already record http.client.requests with other tag keys, and Prometheus refuses a second
     * meter of the same name with different keys: these calls get a name of their own.
     */
    static final String OBSERVATION_NAME = "persona.service.client.requests";

    @Bean
    PersonaServiceClient personaServiceClient(WebClient.Builder builder, GatewayProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.downstreamTimeout().toMillis())
                .responseTimeout(properties.downstreamTimeout());
        return new PersonaServiceClient(builder.clone()
                .baseUrl(properties.personaServiceUri().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
                .observationConvention(new DefaultClientRequestObservationConvention(OBSERVATION_NAME))
                .build());
    }
}
