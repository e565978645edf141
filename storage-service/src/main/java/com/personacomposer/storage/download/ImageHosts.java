package com.personacomposer.storage.download;

import com.personacomposer.kit.address.HostAllowList;
import com.personacomposer.kit.address.HostRule;
import com.personacomposer.kit.address.Hosts;
import com.personacomposer.kit.address.Reach;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
final class ImageHosts implements HostRule {

    static final Set<String> PROVIDER_HOSTS = Set.of("oaidalleapiprodscus.blob.core.windows.net", "replicate.delivery");
    static final Set<String> PROVIDER_DOMAINS = Set.of(".replicate.delivery");

    private final HostAllowList allowList;

    ImageHosts(URI imageServiceUrl, List<String> allowedHosts) {
        List<String> explicit = new ArrayList<>();
        try {
            explicit.add(HostAllowList.entryOf(imageServiceUrl));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("IMAGE_SERVICE_URL " + imageServiceUrl + " has no host", e);
        }
        explicit.addAll(allowedHosts);
        this.allowList = new HostAllowList(explicit, PROVIDER_HOSTS, PROVIDER_DOMAINS);
    }

    @Override
    public Reach reach(String scheme, String host, int port) {
        return allowList.reach(scheme, host, port);
    }

    @Override
    public String refusal(String scheme, String host, int port) {
        if (allowList.isHttpsOnly(host)) {
            return "provider image host " + host + " is only fetched over https on port 443";
        }
        return host + (port == Hosts.defaultPort(scheme) ? "" : ":" + port)
                + " is not an allowed image host (see STORAGE_ALLOWED_IMAGE_HOSTS)";
    }
}
