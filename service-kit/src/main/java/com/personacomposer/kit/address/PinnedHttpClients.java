package com.personacomposer.kit.address;

import java.io.IOException;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 clients for one {@link CheckedTarget}: they connect only to its checked addresses
 * ({@link PinnedDnsResolver}, TLS verified against the host name) and do nothing on their own: no redirects (a
 * caller that follows one checks the next hop first), no retries, no cookies, no cached credentials, no transparent
 * decompression (bytes counted are bytes received). Close the client after the exchange.
 */
public final class PinnedHttpClients {

    private static final TlsSocketStrategy TLS = DefaultClientTlsStrategy.createDefault();

    private PinnedHttpClients() {
    }

    /**
     * @param connectTimeout how long opening the connection may take
     * @param socketTimeout  how long any one read may wait (a whole answer is bounded by the caller's
     *                       {@link Deadlines})
     */
    public static CloseableHttpClient open(CheckedTarget target, Duration connectTimeout, Duration socketTimeout,
                                           String userAgent) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new PinnedDnsResolver(target))
                .setTlsSocketStrategy(TLS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(Math.max(1, connectTimeout.toMillis())))
                        .setSocketTimeout(Timeout.ofMilliseconds(Math.max(1, socketTimeout.toMillis())))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(userAgent)
                .build();
    }

    /**
     * Ends an exchange without reading what is left of the answer: the request is aborted and the response (null if
     * none came) closed, so the connection is dropped rather than drained.
     */
    public static void abandon(HttpUriRequestBase request, ClassicHttpResponse response) {
        request.cancel();
        if (response != null) {
            try {
                response.close();
            } catch (IOException ignored) {
                // The connection was aborted on purpose; nothing is left to release.
            }
        }
    }
}
