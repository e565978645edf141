package com.personacomposer.persona.images;

import com.personacomposer.kit.s3.S3Properties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned GetObject URLs, valid for S3_PRESIGN_TTL and signed for S3_PUBLIC_ENDPOINT by the kit's presigner
 * (a URL signed for one host is refused on another). Signing is local: no call to S3. A download's file name
 * travels in the signed {@code response-content-disposition}, which S3 answers as the Content-Disposition header.
 */
@Component
@RequiredArgsConstructor
class S3ImageUrls implements ImageUrls {

    private final S3Presigner presigner;
    private final S3Properties properties;
    private final Clock clock;

    @Override
    public SignedUrl sign(String s3Key, String attachmentName) {
        // Taken before signing, so the URL never outlives the time we announce.
        Instant expiresAt = clock.instant().plus(properties.presignTtl()).truncatedTo(ChronoUnit.SECONDS);
        var presigned = presigner.presignGetObject(request -> request
                .signatureDuration(properties.presignTtl())
                .getObjectRequest(get -> {
                    get.bucket(properties.bucket()).key(s3Key);
                    if (attachmentName != null) {
                        get.responseContentDisposition(ContentDisposition.attachment()
                                .filename(attachmentName, StandardCharsets.UTF_8).build().toString());
                    }
                }));
        return new SignedUrl(presigned.url().toString(), expiresAt);
    }
}
