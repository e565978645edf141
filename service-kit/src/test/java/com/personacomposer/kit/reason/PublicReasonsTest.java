package com.personacomposer.kit.reason;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicReasonsTest {

    @Test
    void removesTheKeyAndAnythingShapedLikeOne() {
        String reason = "Incorrect API key provided: sk-proj-abc123SECRET. Masked: sk-proj-********************9xyz; "
                + "token r8_0123456789abcdef; key my-custom-key";

        String clean = PublicReasons.scrub(reason, "my-custom-key");

        assertThat(clean).doesNotContain("abc123SECRET", "9xyz", "r8_0123456789abcdef", "my-custom-key")
                .startsWith("Incorrect API key provided: [redacted]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            download refused: 10.0.3.7 is a private address            | download refused: [address] is a private address
            download from http://10.0.3.7:8082/generated/abc.png failed | download from [address] failed
            I/O error on POST request for "https://api.openai.com/v1/images/generations": Connection refused | I/O error on POST request for "[address]": Connection refused
            see https://platform.openai.com/account/api-keys.           | see [address].
            (at https://storage.internal/x?sig=abc)                     | (at [address])
            Unable to execute HTTP request: persona-images.s3.eu-west-1.amazonaws.com | Unable to execute HTTP request: [address]
            Connection to node -1 (kafka/172.18.0.4:9092) could not be established | Connection to node -1 (kafka/[address]) could not be established
            Bootstrap broker b-1.msk.eu-west-1.amazonaws.com:9098 disconnected | Bootstrap broker [address] disconnected
            Connection refused: localhost/127.0.0.1:9092                 | Connection refused: [address]/[address]
            Connect to minio:9000 failed                                 | Connect to [address] failed
            download refused: [fd00:ec2::254]:80 is the metadata service | download refused: [address] is the metadata service
            download refused: fd00:ec2::254 is a link-local address      | download refused: [address] is a link-local address
            host resolves to fe80::1%eth0, a link-local address          | host resolves to [address], a link-local address
            resolves to 2001:db8:0:0:0:0:0:1 and ::ffff:10.0.0.1         | resolves to [address] and [address]
            download refused: ::1 is a loopback address                  | download refused: [address] is a loopback address
            """)
    void replacesEveryAddressWithAWord(String reason, String expected) {
        assertThat(PublicReasons.scrub(reason)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Your request was rejected as a result of our safety system (task-specific)",
        "DALL-E refused the request: HTTP 400 content_policy_violation",
        "the image is not a readable PNG (truncated at byte 12); retry after 12:30:45",
        "download refused: the image is larger than the 4 MB limit",
        "OpenJourney is unavailable: HTTP 503 Service unavailable",
        "the image at persona-generations/ab12/portrait.thumb.jpg is not a PNG, JPEG or WebP image",
        "no progress for 5m 0s, e.g. a stage took 1.5 s; model gpt-4.1 said: Foo::bar",
    })
    void keepsOrdinaryReasons(String reason) {
        assertThat(PublicReasons.scrub(reason, "sk-x")).isEqualTo(reason);
    }

    @Test
    void capsVeryLongMessages() {
        assertThat(PublicReasons.scrub("x".repeat(5000))).hasSizeLessThan(500);
    }
}
