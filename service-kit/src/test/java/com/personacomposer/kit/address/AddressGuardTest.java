package com.personacomposer.kit.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.kit.testing.FixedDns;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The address policy as its users configure it: any host on public addresses over https (webhook targets, and with
 * the local allowance loopback over http too), and named hosts (image downloads). storage-service's DownloadGuardTest
 * drives the same guard through real downloads.
 */
class AddressGuardTest {

    private static final FixedDns DNS = new FixedDns(Map.of(
            "hooks.example.com", new String[] {"93.184.216.34"},
            "rebind.example.com", new String[] {"93.184.216.34", "10.0.0.7"},
            "metadata.example.com", new String[] {"169.254.169.254"},
            "home.example.com", new String[] {"192.168.1.20"},
            "localhost", new String[] {"127.0.0.1", "::1"}));

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return DNS.resolve(host);
    }

    private final AddressGuard webhooks = AddressGuard.forWebhooks(false, AddressGuardTest::resolve);
    private final AddressGuard localWebhooks = AddressGuard.forWebhooks(true, AddressGuardTest::resolve);

    @Test
    void letsAPublicHttpsTargetThroughWithTheAddressItChecked() throws UnknownHostException {
        CheckedTarget target = webhooks.check(URI.create("https://Hooks.Example.com./personas?x=1"));

        assertThat(target.host()).isEqualTo("hooks.example.com");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.addresses()).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain http                  | http://hooks.example.com/x            | the scheme 'http' is not allowed (only https)
            credentials                 | https://user:pw@hooks.example.com/x   | URLs with credentials are not allowed
            no host                     | https:/x                              | the URL has no host
            loopback literal            | https://127.0.0.1/x                   | 127.0.0.1 is a loopback address
            IPv6 loopback               | https://[::1]/x                       | ::1 is a loopback address
            private literal             | https://10.1.2.3/x                    | 10.1.2.3 is a private address
            metadata literal            | https://169.254.169.254/latest        | 169.254.169.254 is a link-local address (the cloud metadata service)
            unspecified                 | https://0.0.0.0/x                     | 0.0.0.0 is an unspecified (any-local) address
            a name on a private address | https://home.example.com/x            | home.example.com resolves to 192.168.1.20, a private address
            one private answer of two   | https://rebind.example.com/x          | rebind.example.com resolves to 10.0.0.7, a private address
            a name on the metadata IP   | https://metadata.example.com/x        | metadata.example.com resolves to 169.254.169.254, a link-local address (the cloud metadata service)
            localhost                   | https://localhost/x                   | localhost resolves to 127.0.0.1, a loopback address
            """)
    void refusesWhatIsNotAPublicHttpsTarget(String what, String url, String reason) {
        assertThatThrownBy(() -> webhooks.check(URI.create(url)))
                .isInstanceOf(AddressRefusedException.class)
                .hasMessage(reason);
    }

    @Test
    void theLocalAllowanceAddsHttpAndLoopbackButNeverPrivateOrMetadata() throws UnknownHostException {
        assertThat(localWebhooks.check(URI.create("http://localhost:9999/hook")).addresses())
                .allMatch(InetAddress::isLoopbackAddress);
        assertThat(localWebhooks.check(URI.create("http://127.0.0.1:9999/hook")).port()).isEqualTo(9999);

        assertThatThrownBy(() -> localWebhooks.check(URI.create("http://10.0.0.5:8080/hook")))
                .hasMessage("10.0.0.5 is a private address");
        assertThatThrownBy(() -> localWebhooks.check(URI.create("http://home.example.com/hook")))
                .hasMessage("home.example.com resolves to 192.168.1.20, a private address");
        assertThatThrownBy(() -> localWebhooks.check(URI.create("http://169.254.169.254/latest/meta-data/")))
                .hasMessage("169.254.169.254 is a link-local address (the cloud metadata service)");
        assertThatThrownBy(() -> localWebhooks.check(URI.create("http://[fd00:ec2::254]/latest/meta-data/")))
                .hasMessageContaining("(the cloud metadata service)");
        assertThatThrownBy(() -> localWebhooks.check(URI.create("ftp://localhost/x")))
                .hasMessage("the scheme 'ftp' is not allowed (only http and https)");
    }

    @Test
    void anUnresolvableHostIsNotARefusal() {
        assertThatThrownBy(() -> webhooks.check(URI.create("https://nowhere.example.com/x")))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void namedHostsReachWhatTheirEntrySays() throws UnknownHostException {
        HostAllowList named = new HostAllowList(List.of("home.example.com", " localhost:8082 ", ""),
                Set.of("hooks.example.com"), Set.of(".example.org"));
        AddressGuard guard = new AddressGuard(List.of("http", "https"), named, AddressGuardTest::resolve);

        assertThat(guard.check(URI.create("http://home.example.com/img.png")).host()).isEqualTo("home.example.com");
        assertThat(guard.check(URI.create("http://localhost:8082/img.png")).port()).isEqualTo(8082);
        assertThat(guard.check(URI.create("https://hooks.example.com/img.png")).port()).isEqualTo(443);
        assertThatThrownBy(() -> guard.check(URI.create("http://hooks.example.com/img.png")))
                .hasMessage("hooks.example.com is not an allowed host");
        assertThatThrownBy(() -> guard.check(URI.create("http://localhost:8083/img.png")))
                .hasMessage("localhost is not an allowed host");
        assertThat(named.reach("https", "cdn.example.org", 443)).isEqualTo(Reach.PUBLIC);
        assertThat(named.reach("https", "example.org.evil.test", 443)).isEqualTo(Reach.NONE);
        assertThatThrownBy(() -> new HostAllowList(List.of("http://x/y"), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a host[:port]");
    }

    @Test
    void thePinnedResolverAnswersOnlyForTheCheckedHostWithTheCheckedAddresses() throws UnknownHostException {
        AtomicInteger lookups = new AtomicInteger();
        AddressGuard counting = new AddressGuard(List.of("https"), HostRule.anyHost(Reach.PUBLIC), host -> {
            lookups.incrementAndGet();
            return resolve(host);
        });
        CheckedTarget target = counting.check(URI.create("https://hooks.example.com/x"));
        PinnedDnsResolver pinned = new PinnedDnsResolver(target);

        assertThat(pinned.resolve("HOOKS.example.com.")).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34");
        assertThatThrownBy(() -> pinned.resolve("other.example.com")).isInstanceOf(UnknownHostException.class);
        assertThat(lookups).hasValue(1);
    }
}
