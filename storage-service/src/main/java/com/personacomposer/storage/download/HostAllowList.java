package com.personacomposer.storage.download;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The hosts images are downloaded from.
 * <ul>
 *   <li>Providers' image hosts, over https on port 443 only: OpenAI's DALL-E blob account
 *       {@code oaidalleapiprodscus.blob.core.windows.net} (exactly that account: anyone can own another
 *       {@code *.blob.core.windows.net}), and Replicate's {@code replicate.delivery} with its subdomains (such as
 *       {@code pbxt.replicate.delivery}), a domain only Replicate serves from.</li>
 *   <li>Explicit entries: image-service's own host[:port] and STORAGE_ALLOWED_IMAGE_HOSTS. An entry without a port
 *       allows the scheme's default port. Only explicit entries may resolve to non-public addresses.</li>
 * </ul>
 */
final class HostAllowList {

    static final Set<String> PROVIDER_HOSTS = Set.of("oaidalleapiprodscus.blob.core.windows.net", "replicate.delivery");
    static final Set<String> PROVIDER_DOMAINS = Set.of(".replicate.delivery");

    enum Allowance { NONE, PROVIDER, EXPLICIT }

    private record Entry(String host, int port) {
    }

    private final Set<Entry> explicit = new HashSet<>();

    HostAllowList(URI imageServiceUrl, List<String> allowedHosts) {
        explicit.add(fromUrl(imageServiceUrl));
        for (String allowed : allowedHosts) {
            String trimmed = allowed.strip();
            if (!trimmed.isEmpty()) {
                explicit.add(fromHostPort(trimmed));
            }
        }
    }

    Allowance allowance(String scheme, String host, int port) {
        String name = normalise(host);
        int defaultPort = defaultPort(scheme);
        if (explicit.contains(new Entry(name, port)) || port == defaultPort && explicit.contains(new Entry(name, -1))) {
            return Allowance.EXPLICIT;
        }
        boolean provider = PROVIDER_HOSTS.contains(name) || PROVIDER_DOMAINS.stream().anyMatch(name::endsWith);
        return provider && "https".equals(scheme) && port == 443 ? Allowance.PROVIDER : Allowance.NONE;
    }

    /** Provider hosts are https-only; for a refusal message. */
    static boolean isProviderHost(String host) {
        String name = normalise(host);
        return PROVIDER_HOSTS.contains(name) || PROVIDER_DOMAINS.stream().anyMatch(name::endsWith);
    }

    static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    /** Lower case, without the trailing dot of a fully qualified name, so "Host." and "host" are one host. */
    static String normalise(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static Entry fromUrl(URI url) {
        if (url.getHost() == null) {
            throw new IllegalArgumentException("IMAGE_SERVICE_URL " + url + " has no host");
        }
        return new Entry(normalise(url.getHost()), url.getPort());
    }

    private static Entry fromHostPort(String hostPort) {
        URI uri;
        try {
            uri = new URI("http://" + hostPort);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("allowed image host '" + hostPort + "' is not a host[:port]");
        }
        return new Entry(normalise(uri.getHost()), uri.getPort());
    }
}
