package com.personacomposer.storage.download;

import com.personacomposer.kit.image.ImageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Downloads a generated image without letting its URL reach anything it should not (SSRF).
 * <ul>
 *   <li>http and https only; no credentials in the URL; the host must be allowed ({@link HostAllowList}).</li>
 *   <li>The host is resolved once per hop and every address is checked ({@link AddressPolicy}); the connection is
 *       then made to exactly those addresses (a DNS answer that changes between check and connect is never used).
 *       Non-public addresses are refused unless the host[:port] is explicitly allowed; the metadata service
 *       always.</li>
 *   <li>Redirects are followed by hand, at most {@code maxRedirects}, each hop checked like the first.</li>
 *   <li>The body is streamed and abandoned beyond {@code maxSize}; the whole download, redirects included, is
 *       abandoned after {@code timeout}.</li>
 *   <li>The content type comes from the body's magic bytes (PNG, JPEG, WebP), never from the server's header.</li>
 * </ul>
 * Refusals throw {@link DownloadRefusedException}; failures that may pass throw {@link DownloadFailedException}.
 */
public class DownloadGuard implements AutoCloseable {

    /** Name resolution, replaceable in tests. */
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Logger log = LoggerFactory.getLogger(DownloadGuard.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String ACCEPT = "image/png, image/jpeg, image/webp";
    private static final String USER_AGENT = "persona-composer-storage";

    private final DownloadProperties properties;
    private final HostAllowList allowList;
    private final HostResolver resolver;
    private final TlsSocketStrategy tls = DefaultClientTlsStrategy.createDefault();
    private final ScheduledThreadPoolExecutor deadlines;

    public DownloadGuard(DownloadProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    DownloadGuard(DownloadProperties properties, HostResolver resolver) {
        this.properties = properties;
        this.allowList = new HostAllowList(properties.imageServiceUrl(), properties.allowedHosts());
        this.resolver = resolver;
        this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "download-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        deadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * @throws DownloadRefusedException when the URL, a redirect, the host's answer or the body is not acceptable
     * @throws DownloadFailedException  when the download failed in a way that may pass
     */
    public DownloadedImage download(String url) {
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        URI uri = parse(url, "the image URL is not a valid URL");
        for (int redirects = 0; ; redirects++) {
            Target target = check(uri, redirects);
            Hop hop = fetch(target, deadline, redirects);
            if (hop.image() != null) {
                log.info("downloaded {} bytes of {} from {}", hop.image().sizeBytes(), hop.image().format(),
                        describe(uri));
                return hop.image();
            }
            if (redirects == properties.maxRedirects()) {
                throw refused("more than " + properties.maxRedirects() + " redirects", redirects);
            }
            uri = uri.resolve(parse(hop.location(), "a redirect to an invalid URL"));
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }

    private record Target(URI uri, String host, InetAddress[] addresses) {
    }

    private record Hop(DownloadedImage image, String location) {
    }

    private Target check(URI uri, int redirects) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw refused("the scheme '" + scheme + "' is not allowed (only http and https)", redirects);
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("URLs with credentials are not allowed", redirects);
        }
        if (uri.getHost() == null) {
            throw refused("the URL has no host", redirects);
        }
        String host = HostAllowList.normalise(uri.getHost());
        int port = uri.getPort() == -1 ? HostAllowList.defaultPort(scheme) : uri.getPort();
        HostAllowList.Allowance allowance = allowList.allowance(scheme, host, port);
        boolean explicit = allowance == HostAllowList.Allowance.EXPLICIT;

        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.contains(":") || IPV4_LITERAL.matcher(bare).matches()) {
            // A literal address needs no lookup: say what it is before saying it is not allowed.
            InetAddress address = literal(bare, redirects);
            checkAddress(address, explicit, bare + " is ", redirects);
            if (allowance == HostAllowList.Allowance.NONE) {
                throw refused(notAllowed(scheme, host, port), redirects);
            }
            return new Target(uri, bare, new InetAddress[] {address});
        }
        if (allowance == HostAllowList.Allowance.NONE) {
            throw refused(notAllowed(scheme, host, port), redirects);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new DownloadFailedException("cannot resolve image host " + host, e);
        }
        if (addresses.length == 0) {
            throw new DownloadFailedException("image host " + host + " has no address");
        }
        for (InetAddress address : addresses) {
            checkAddress(address, explicit, host + " resolves to " + address.getHostAddress() + ", ", redirects);
        }
        return new Target(uri, host, addresses);
    }

    private static void checkAddress(InetAddress address, boolean explicit, String subject, int redirects) {
        Optional<String> kind = AddressPolicy.nonPublicKind(address);
        if (AddressPolicy.isMetadataService(address)) {
            throw refused(subject + kind.orElse("an address") + " (the cloud metadata service)", redirects);
        }
        if (kind.isPresent() && !explicit) {
            throw refused(subject + kind.get(), redirects);
        }
    }

    private static String notAllowed(String scheme, String host, int port) {
        if (HostAllowList.isProviderHost(host)) {
            return "provider image host " + host + " is only fetched over https on port 443";
        }
        return host + (port == HostAllowList.defaultPort(scheme) ? "" : ":" + port)
                + " is not an allowed image host (see STORAGE_ALLOWED_IMAGE_HOSTS)";
    }

    private Hop fetch(Target target, long deadline, int redirects) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut(target);
        }
        Timeout connectTimeout = Timeout.ofMilliseconds(Math.max(1,
                Math.min(properties.connectTimeout().toMillis(), TimeUnit.NANOSECONDS.toMillis(remaining))));
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new PinnedResolver(target.host(), target.addresses()))
                .setTlsSocketStrategy(tls)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeout)
                        .setSocketTimeout(Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining))))
                        .build())
                .build();
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                // Bytes counted against the limit are the bytes received: no transparent decompression.
                .disableContentCompression()
                .setUserAgent(USER_AGENT)
                .build()) {
            HttpGet get = new HttpGet(target.uri());
            get.setHeader("Accept", ACCEPT);
            ScheduledFuture<?> abort = deadlines.schedule(get::cancel, remaining, TimeUnit.NANOSECONDS);
            ClassicHttpResponse response = null;
            try {
                response = client.executeOpen(null, get, null);
                return answer(target, response, redirects);
            } catch (IOException e) {
                if (get.isCancelled() || System.nanoTime() - deadline >= 0) {
                    throw timedOut(target);
                }
                throw new DownloadFailedException("download from " + target.host() + " failed: " + e, e);
            } finally {
                abort.cancel(false);
                // Abandon the connection rather than read what is left of a body we do not want.
                get.cancel();
                closeQuietly(response);
            }
        } catch (IOException e) {
            throw new DownloadFailedException("download from " + target.host() + " failed: " + e, e);
        }
    }

    private Hop answer(Target target, ClassicHttpResponse response, int redirects) throws IOException {
        int status = response.getCode();
        if (REDIRECTS.contains(status)) {
            Header location = response.getFirstHeader("Location");
            if (location == null || location.getValue().isBlank()) {
                throw refused("image host " + target.host() + " answered " + status + " without a Location", redirects);
            }
            return new Hop(null, location.getValue().strip());
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new DownloadFailedException("image host " + target.host() + " answered HTTP " + status);
        }
        if (status != 200) {
            throw new DownloadRefusedException("download failed: image host " + target.host() + " answered HTTP "
                    + status + (status == 403 || status == 404 ? " (the image URL may have expired)" : ""));
        }
        byte[] bytes = readLimited(response.getEntity());
        ImageFormat format = ImageFormat.detect(bytes).orElseThrow(() -> new DownloadRefusedException(
                "download refused: the body from " + target.host() + " is not a PNG, JPEG or WebP image"));
        return new Hop(new DownloadedImage(bytes, format), null);
    }

    /** With a Content-Length the body is read into an array of exactly that size: no buffer to grow, no copy. */
    private byte[] readLimited(HttpEntity entity) throws IOException {
        long max = properties.maxSize().toBytes();
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > max) {
            throw tooLarge();
        }
        try (InputStream in = entity.getContent()) {
            if (declared >= 0) {
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                if (read < body.length) {
                    throw new IOException("the body ended after " + read + " of " + declared + " bytes");
                }
                return body;
            }
            byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (body.length > max) {
                throw tooLarge();
            }
            return body;
        }
    }

    private DownloadRefusedException tooLarge() {
        long bytes = properties.maxSize().toBytes();
        String limit = bytes % DataSize.ofMegabytes(1).toBytes() == 0 ? properties.maxSize().toMegabytes() + " MB"
                : bytes + " bytes";
        return new DownloadRefusedException("download refused: the image is larger than the " + limit + " limit");
    }

    private DownloadFailedException timedOut(Target target) {
        Duration timeout = properties.timeout();
        return new DownloadFailedException("download from " + target.host() + " took longer than " + timeout);
    }

    private static DownloadRefusedException refused(String reason, int redirects) {
        return new DownloadRefusedException("download refused: " + reason
                + (redirects == 0 ? "" : ", after " + redirects + (redirects == 1 ? " redirect" : " redirects")));
    }

    private static InetAddress literal(String address, int redirects) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw refused(address + " is not a valid address", redirects);
        }
    }

    private static URI parse(String url, String reason) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new DownloadRefusedException("download refused: " + reason);
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException ignored) {
                // The connection was abandoned on purpose; nothing is left to release.
            }
        }
    }

    /** For logs: no query string, which may carry a provider's signature. */
    private static String describe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** Answers only for the host that was checked, and only with the addresses that were checked. */
    private static final class PinnedResolver implements DnsResolver {

        private final String host;
        private final InetAddress[] addresses;

        PinnedResolver(String host, InetAddress[] addresses) {
            this.host = host;
            this.addresses = addresses.clone();
        }

        @Override
        public InetAddress[] resolve(String name) throws UnknownHostException {
            String bare = HostAllowList.normalise(name.startsWith("[") ? name.substring(1, name.length() - 1) : name);
            if (!bare.equals(host)) {
                throw new UnknownHostException(name + " was not checked by the download guard");
            }
            return addresses.clone();
        }

        @Override
        public String resolveCanonicalHostname(String name) {
            return name;
        }
    }
}
