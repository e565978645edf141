package com.personacomposer.gateway.access;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request comes from, for counting by client. Behind {@code trustedProxyHops} proxies it is read from
 * X-Forwarded-For, counting from the end (entries further left were written by whoever sent the request). An IPv6
 * address counts by its /64 network, which one client usually has whole.
 */
final class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    static String of(ServerHttpRequest request, int trustedProxyHops) {
        if (trustedProxyHops > 0) {
            List<String> forwarded = forwardedFor(request);
            if (forwarded.size() >= trustedProxyHops) {
                return normalise(forwarded.get(forwarded.size() - trustedProxyHops));
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? network(remote.getAddress()) : normalise(remote.getHostString());
    }

    private static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> entries = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty(FORWARDED_FOR)) {
            Arrays.stream(header.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).forEach(entries::add);
        }
        return entries;
    }

    /** Only address literals are parsed (a name would be looked up in DNS); anything else counts as written. */
    static String normalise(String entry) {
        String address = entry;
        if (address.startsWith("[") && address.contains("]")) {
            address = address.substring(1, address.indexOf(']'));
        } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        if (IPV4.matcher(address).matches() || IPV6.matcher(address).matches()) {
            try {
                return network(InetAddress.getByName(address));
            } catch (UnknownHostException notAnAddress) {
                // counted as written, below
            }
        }
        return entry.length() <= MAX_LENGTH ? entry : entry.substring(0, MAX_LENGTH);
    }

    private static String network(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }
}
