package com.personacomposer.kit.address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Apache HttpClient's name resolution for a {@link CheckedTarget}: answers only for the host that was checked, and
 * only with the addresses that were checked (no second lookup a rebinding DNS server could answer differently).
 * TLS still verifies the certificate against the host name.
 */
public final class PinnedDnsResolver implements DnsResolver {

    private final String host;
    private final InetAddress[] addresses;

    public PinnedDnsResolver(CheckedTarget target) {
        this.host = target.host();
        this.addresses = target.addresses().toArray(InetAddress[]::new);
    }

    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
        String bare = Hosts.normalise(Hosts.bare(name));
        if (!bare.equals(host)) {
            throw new UnknownHostException(name + " was not checked by the address guard");
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String name) {
        return name;
    }
}
