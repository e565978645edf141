package com.personacomposer.kit.address;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A {@link HostRule} of named hosts.
 * <ul>
 *   <li>Explicit entries, {@code host[:port]} (no port: the scheme's default port): an operator named them, so they may
 *       be on any address but the metadata service ({@link Reach#ANY_BUT_METADATA}).</li>
 *   <li>https-only hosts and domains (a suffix such as {@code .replicate.delivery}): over https on port 443 only, and
 *       on public addresses only ({@link Reach#PUBLIC}).</li>
 * </ul>
 * Every other host is refused.
 */
public final class HostAllowList implements HostRule {

    private record Entry(String host, int port) {
    }

    private final Set<Entry> explicit = new HashSet<>();
    private final Set<String> httpsHosts;
    private final Set<String> httpsDomains;

    /**
     * @param explicitHosts {@code host[:port]} entries (blank ones are skipped)
     * @param httpsHosts    host names allowed over https on port 443
     * @param httpsDomains  name suffixes (starting with a dot) allowed over https on port 443
     * @throws IllegalArgumentException when an explicit entry is not a host[:port]
     */
    public HostAllowList(Collection<String> explicitHosts, Set<String> httpsHosts, Set<String> httpsDomains) {
        for (String entry : explicitHosts) {
            String trimmed = entry.strip();
            if (!trimmed.isEmpty()) {
                explicit.add(parse(trimmed));
            }
        }
        this.httpsHosts = Set.copyOf(httpsHosts);
        this.httpsDomains = Set.copyOf(httpsDomains);
    }

    @Override
    public Reach reach(String scheme, String host, int port) {
        String name = Hosts.normalise(host);
        if (explicit.contains(new Entry(name, port))
                || port == Hosts.defaultPort(scheme) && explicit.contains(new Entry(name, -1))) {
            return Reach.ANY_BUT_METADATA;
        }
        return isHttpsOnly(name) && "https".equals(scheme) && port == 443 ? Reach.PUBLIC : Reach.NONE;
    }

    /** Whether {@code host} is one of the https-only hosts or domains (for a refusal message). */
    public boolean isHttpsOnly(String host) {
        String name = Hosts.normalise(host);
        return httpsHosts.contains(name) || httpsDomains.stream().anyMatch(name::endsWith);
    }

    /** The {@code host[:port]} entry of a URL (its port only when it names one). */
    public static String entryOf(URI url) {
        if (url.getHost() == null) {
            throw new IllegalArgumentException(url + " has no host");
        }
        return url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    private static Entry parse(String hostPort) {
        URI uri;
        try {
            uri = new URI("http://" + hostPort);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("allowed host '" + hostPort + "' is not a host[:port]");
        }
        return new Entry(Hosts.normalise(uri.getHost()), uri.getPort());
    }
}
