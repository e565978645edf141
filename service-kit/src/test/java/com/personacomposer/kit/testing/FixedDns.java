package com.personacomposer.kit.testing;

import com.personacomposer.kit.address.AddressGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Name resolution that answers what a test names (host to literal addresses); any other name does not resolve. For
 * the {@link AddressGuard}s of every service's tests, through this test-jar.
 */
public final class FixedDns implements AddressGuard.HostResolver {

    private final Map<String, String[]> answers;

    public FixedDns(Map<String, String[]> answers) {
        this.answers = Map.copyOf(answers);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String[] answer = answers.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[answer.length];
        for (int i = 0; i < answer.length; i++) {
            addresses[i] = InetAddress.getByName(answer[i]);
        }
        return addresses;
    }
}
