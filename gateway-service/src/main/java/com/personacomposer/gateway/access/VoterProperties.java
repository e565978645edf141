package com.personacomposer.gateway.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret the key of the anonymous voters' pseudonyms in fully open mode (PERSONA_VOTER_SECRET, at least
 *               {@value VoterPseudonyms#MIN_SECRET_LENGTH} characters, one per deployment and the same on every
 *               gateway instance); empty: a random one for this process
 */
@ConfigurationProperties("persona.gateway.voters")
record VoterProperties(String secret) {

    public VoterProperties {
        secret = secret == null ? "" : secret;
    }

    /** Never the secret itself: this record may end up in a log line or a failure report. */
    @Override
    public String toString() {
        return "VoterProperties[secret " + (secret.isEmpty() ? "unset" : "set") + "]";
    }
}
