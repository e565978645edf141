package com.personacomposer.storage.download;

import com.personacomposer.kit.address.AddressGuard;
import com.personacomposer.kit.address.AddressRefusedException;
import com.personacomposer.kit.address.CheckedTarget;
import com.personacomposer.kit.address.Deadlines;
import com.personacomposer.kit.address.PinnedHttpClients;
import com.personacomposer.kit.image.ImageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Downloads a generated image without letting its URL reach anything it should not (SSRF).
 * <ul>
 *   <li>http and https only; no credentials in the URL; the host must be allowed ({@link ImageHosts}).</li>
 *   <li>The host is resolved once per hop and every address is checked (service-kit's {@link AddressGuard}); the
 *       connection is then made to exactly those addresses (a DNS answer that changes between check and connect is
 *       never used). Non-public addresses are refused unless the host[:port] is explicitly allowed; the metadata
 *       service always.</li>
 *   <li>Redirects are followed by hand, at most {@code maxRedirects}, each hop checked like the first.</li>
 *   <li>The body is streamed and abandoned beyond {@code maxSize}; the whole download, redirects included, is
 *       abandoned after {@code timeout}.</li>
 *   <li>The content type comes from the body's magic bytes (PNG, JPEG, WebP), never from the server's header.</li>
 * </ul>
 * Refusals throw {@link DownloadRefusedException}; failures that may pass throw {@link DownloadFailedException}.
 */
public class DownloadGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DownloadGuard.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final List<String> SCHEMES = List.of("http", "https");
    private static final String ACCEPT = "image/png, image/jpeg, image/webp";
    private static final String USER_AGENT = "persona-composer-storage";

    private final DownloadProperties properties;
    private final AddressGuard addresses;
    private final Deadlines deadlines = new Deadlines("download-deadlines");

    public DownloadGuard(DownloadProperties properties) {
        this(properties, AddressGuard.SYSTEM_RESOLVER);
    }

    DownloadGuard(DownloadProperties properties, AddressGuard.HostResolver resolver) {
        this.properties = properties;
        this.addresses = new AddressGuard(SCHEMES,
                new ImageHosts(properties.imageServiceUrl(), properties.allowedHosts()), resolver);
    }

    /**
     * @throws DownloadRefusedException when the URL, a redirect, the host's answer or the body is not acceptable
     * @throws DownloadFailedException  when the download failed in a way that may pass
     */
    public DownloadedImage download(String url) {
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        URI uri = parse(url, "the image URL is not a valid URL");
        for (int redirects = 0; ; redirects++) {
            CheckedTarget target = check(uri, redirects);
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
        deadlines.close();
    }

    private record Hop(DownloadedImage image, String location) {
    }

    private CheckedTarget check(URI uri, int redirects) {
        try {
            return addresses.check(uri);
        } catch (AddressRefusedException e) {
            throw refused(e.getMessage(), redirects);
        } catch (UnknownHostException e) {
            throw new DownloadFailedException("cannot resolve image host " + uri.getHost(), e);
        }
    }

    private Hop fetch(CheckedTarget target, long deadline, int redirects) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timedOut(target);
        }
        Duration left = Duration.ofNanos(remaining);
        Duration connectTimeout = properties.connectTimeout().compareTo(left) < 0 ? properties.connectTimeout() : left;
        try (CloseableHttpClient client = PinnedHttpClients.open(target, connectTimeout, left, USER_AGENT)) {
            HttpGet get = new HttpGet(target.uri());
            get.setHeader("Accept", ACCEPT);
            ScheduledFuture<?> abort = deadlines.abortAfter(remaining, get::cancel);
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
                PinnedHttpClients.abandon(get, response);
            }
        } catch (IOException e) {
            throw new DownloadFailedException("download from " + target.host() + " failed: " + e, e);
        }
    }

    private Hop answer(CheckedTarget target, ClassicHttpResponse response, int redirects) throws IOException {
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

    private DownloadFailedException timedOut(CheckedTarget target) {
        Duration timeout = properties.timeout();
        return new DownloadFailedException("download from " + target.host() + " took longer than " + timeout);
    }

    private static DownloadRefusedException refused(String reason, int redirects) {
        return new DownloadRefusedException("download refused: " + reason
                + (redirects == 0 ? "" : ", after " + redirects + (redirects == 1 ? " redirect" : " redirects")));
    }

    private static URI parse(String url, String reason) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new DownloadRefusedException("download refused: " + reason);
        }
    }

    /** For logs: no query string, which may carry a provider's signature. */
    private static String describe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
