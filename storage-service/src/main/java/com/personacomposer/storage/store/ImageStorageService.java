package com.personacomposer.storage.store;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.s3.S3Properties;
import com.personacomposer.storage.download.DownloadGuard;
import com.personacomposer.storage.download.DownloadRefusedException;
import com.personacomposer.storage.download.DownloadedImage;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Copies a generated image into the bucket and announces it. A refused download fails the request with the guard's
 * reason; anything else (network, image host 5xx, S3) propagates so the record is retried, then dead-lettered.
 */
@Service
public class ImageStorageService {

    private static final Logger log = LoggerFactory.getLogger(ImageStorageService.class);

    private final DownloadGuard guard;
    private final S3Client s3;
    private final S3Properties bucket;
    private final EventPublisher publisher;
    private final TransferMetrics metrics;

    ImageStorageService(DownloadGuard guard, S3Client s3, S3Properties bucket, EventPublisher publisher,
                        TransferMetrics metrics) {
        this.guard = guard;
        this.s3 = s3;
        this.bucket = bucket;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public void onImageGenerated(ImageGenerated generated) {
        DownloadedImage image;
        try {
            image = download(generated.imageUrl());
        } catch (DownloadRefusedException refused) {
            log.warn("request {}: {}", generated.requestId(), refused.getMessage());
            publisher.publish(PersonaFailed.of(generated.requestId(), generated.personaKey(), FailureStage.STORAGE,
                    refused.getMessage()));
            return;
        }
        String key = ObjectKeys.of(generated.personaKey(), generated.requestId(), image.format());
        upload(key, image);
        log.info("request {}: stored {} bytes at {}", generated.requestId(), image.sizeBytes(), key);
        publisher.publish(ImageStored.of(generated.requestId(), generated.personaKey(), generated.model(), key,
                image.format().contentType(), image.sizeBytes(), generated.revisedPrompt()));
    }

    private DownloadedImage download(String url) {
        Timer.Sample download = metrics.start();
        try {
            DownloadedImage image = guard.download(url);
            metrics.downloaded(download, TransferMetrics.Outcome.SUCCESS, image.sizeBytes());
            return image;
        } catch (DownloadRefusedException refused) {
            metrics.downloaded(download, TransferMetrics.Outcome.REFUSED, 0);
            throw refused;
        } catch (RuntimeException failure) {
            metrics.downloaded(download, TransferMetrics.Outcome.FAILED, 0);
            throw failure;
        }
    }

    private void upload(String key, DownloadedImage image) {
        Timer.Sample upload = metrics.start();
        try {
            s3.putObject(PutObjectRequest.builder()
                            .bucket(bucket.bucket())
                            .key(key)
                            .contentType(image.format().contentType())
                            .contentLength(image.sizeBytes())
                            .build(),
                    RequestBody.fromBytes(image.bytes()));
        } catch (RuntimeException failure) {
            metrics.uploaded(upload, TransferMetrics.Outcome.FAILED, 0);
            throw failure;
        }
        metrics.uploaded(upload, TransferMetrics.Outcome.SUCCESS, image.sizeBytes());
    }
}
