package com.personacomposer.kit.address;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a URL before anything connects to it (SSRF): its scheme is one of {@code schemes}, it carries no credentials,
 * its host is allowed by the {@link HostRule}, and every address the host resolves to is within the host's
 * {@link Reach} ({@link AddressPolicy}); the cloud metadata service is always refused. The host is resolved once,
 * here; the caller connects to exactly the addresses of the {@link CheckedTarget} ({@link PinnedDnsResolver}).
 * Redirects are the caller's: check every hop again, or follow none. Shared by storage-service's image downloads and
 * webhook-service's deliveries (and the gateway's check of a webhook URL at intake).
 */
public final class AddressGuard {

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The JVM's resolver. */
    public static final HostResolver SYSTEM_RESOLVER = InetAddress::getAllByName;

    private final List<String> schemes;
    private final HostRule hosts;
    private final HostResolver resolver;

    /** @param schemes the allowed schemes, lower case, in the order a refusal lists them */
    public AddressGuard(List<String> schemes, HostRule hosts, HostResolver resolver) {
        this.schemes = List.copyOf(schemes);
        this.hosts = hosts;
        this.resolver = resolver;
    }

    /**
     * The guard of a client's webhook URL, at intake (gateway) and at every delivery (webhook-service): https to public
     * addresses only; with {@code allowLocal} (PERSONA_WEBHOOK_ALLOW_LOCAL, local runs) http and loopback addresses
     * too. Private, link-local and metadata addresses are refused either way.
     */
    public static AddressGuard forWebhooks(boolean allowLocal, HostResolver resolver) {
        return allowLocal
                ? new AddressGuard(List.of("http", "https"), HostRule.anyHost(Reach.PUBLIC_OR_LOOPBACK), resolver)
                : new AddressGuard(List.of("https"), HostRule.anyHost(Reach.PUBLIC), resolver);
    }

    /**
     * @throws AddressRefusedException when the URL may not be connected to
     * @throws UnknownHostException    when its host does not resolve (which may pass)
     */
    public CheckedTarget check(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new AddressRefusedException("the scheme '" + scheme + "' is not allowed (only "
                    + String.join(" and ", schemes) + ")");
        }
        if (uri.getRawUserInfo() != null) {
            throw new AddressRefusedException("URLs with credentials are not allowed");
        }
        if (uri.getHost() == null) {
            throw new AddressRefusedException("the URL has no host");
        }
        String host = Hosts.normalise(uri.getHost());
        int port = uri.getPort() == -1 ? Hosts.defaultPort(scheme) : uri.getPort();
        Reach reach = hosts.reach(scheme, host, port);

        String bare = Hosts.bare(host);
        if (Hosts.isLiteral(bare)) {
            // A literal address needs no lookup: say what it is before saying it is not allowed.
            InetAddress address = literal(bare);
            checkAddress(address, reach, bare + " is ");
            if (reach == Reach.NONE) {
                throw new AddressRefusedException(hosts.refusal(scheme, host, port));
            }
            return new CheckedTarget(uri, scheme, bare, port, List.of(address));
        }
        if (reach == Reach.NONE) {
            throw new AddressRefusedException(hosts.refusal(scheme, host, port));
        }
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host + " has no address");
        }
        for (InetAddress address : addresses) {
            checkAddress(address, reach, host + " resolves to " + address.getHostAddress() + ", ");
        }
        return new CheckedTarget(uri, scheme, host, port, List.of(addresses));
    }

    private static void checkAddress(InetAddress address, Reach reach, String subject) {
        Optional<String> kind = AddressPolicy.nonPublicKind(address);
        if (AddressPolicy.isMetadataService(address)) {
            throw new AddressRefusedException(subject + kind.orElse("an address") + " (the cloud metadata service)");
        }
        if (kind.isEmpty()) {
            return;
        }
        boolean reachable = switch (reach) {
            case ANY_BUT_METADATA -> true;
            case PUBLIC_OR_LOOPBACK -> address.isLoopbackAddress();
            case PUBLIC, NONE -> false;
        };
        if (!reachable) {
            throw new AddressRefusedException(subject + kind.get());
        }
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new AddressRefusedException(address + " is not a valid address");
        }
    }
}
