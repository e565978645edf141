package com.personacomposer.gateway.downstream;

import com.personacomposer.gateway.config.GatewayProperties;
import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

@Configuration(proxyBeanMethods = false)
class PersonaServiceClientConfiguration {

    /** A persona with many images is a large JSON document; WebClient's default 256 KiB buffer is too small for it. */
    private static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    @Bean
    PersonaServiceClient personaServiceClient(WebClient.Builder builder, GatewayProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.downstreamTimeout().toMillis())
                .responseTimeout(properties.downstreamTimeout());
        return new PersonaServiceClient(builder.clone()
                .baseUrl(properties.personaServiceUri().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
                .build());
    }
}
