package com.personacomposer.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

    @ParameterizedTest(name = "hops {0}, X-Forwarded-For \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "0 | 198.51.100.7                      | 192.0.2.1",
            "1 | none                              | 192.0.2.1",
            "1 | 198.51.100.7                      | 198.51.100.7",
            "1 | 10.0.0.1, 203.0.113.9             | 203.0.113.9",
            "2 | 203.0.113.9, 198.51.100.7, 10.1.1.1 | 198.51.100.7",
            "3 | 198.51.100.7, 10.1.1.1            | 192.0.2.1",
            "1 | 203.0.113.9:51234                 | 203.0.113.9",
            "1 | [2001:db8:1:2:3:4:5:6]:443        | 20010db800010002::/64",
            "1 | 2001:db8:1:2:ffff::9              | 20010db800010002::/64",
            "1 | ::ffff:203.0.113.9                | 203.0.113.9",
            "1 | unknown                           | unknown",
            "1 | evil.example.com                  | evil.example.com"})
    void theClientIsCountedFromTheTrustedEnd(int hops, String forwardedFor, String client) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/personas")
                .remoteAddress(new InetSocketAddress("192.0.2.1", 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }

        assertThat(ClientAddress.of(request.build(), hops)).isEqualTo(client);
    }
}
