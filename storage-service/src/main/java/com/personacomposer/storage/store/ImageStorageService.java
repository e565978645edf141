package com.personacomposer.storage.store;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.kit.cancel.CanceledRequests;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.reason.PublicReasons;
import com.personacomposer.storage.download.DownloadGuard;
import com.personacomposer.storage.download.DownloadProperties;
import com.personacomposer.storage.download.DownloadRefusedException;
import com.personacomposer.storage.download.DownloadedImage;
import com.personacomposer.storage.memory.MemoryBudget;
import com.personacomposer.storage.thumbnail.Thumbnailer;
import com.personacomposer.storage.thumbnail.UnusableImageException;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Copies a generated image into the bucket, with its two thumbnails beside it, and announces it; the image of a
 * canceled request is neither downloaded nor stored. A refused download or an
 * unusable image (broken, or absurdly large) fails the request with the reason (the addresses taken out: a person
 * reads it); anything else (network, image host
 * 5xx, S3) propagates so the record is retried, then dead-lettered.
 * <p>
 * Memory: before downloading it reserves the largest download from the {@link MemoryBudget}; once the image is
 * there it holds exactly the image plus what decoding it takes. If that is more than it holds and not free right
 * now, it lets the image go, waits for the whole amount, and downloads again (waiting only while holding nothing).
 */
@Service
class ImageStorageService {

    private static final Logger log = LoggerFactory.getLogger(ImageStorageService.class);

    private final DownloadGuard guard;
    private final Thumbnailer thumbnailer;
    private final StoredImages bucket;
    private final EventPublisher publisher;
    private final TransferMetrics metrics;
    private final MemoryBudget memory;
    private final long maxDownload;
    private final CanceledRequests canceled;

    ImageStorageService(DownloadGuard guard, DownloadProperties downloads, Thumbnailer thumbnailer,
                        StoredImages bucket, EventPublisher publisher, TransferMetrics metrics, MemoryBudget memory,
                        CanceledRequests canceled) {
        this.guard = guard;
        this.thumbnailer = thumbnailer;
        this.bucket = bucket;
        this.publisher = publisher;
        this.metrics = metrics;
        this.memory = memory;
        this.maxDownload = downloads.maxSize().toBytes();
        this.canceled = canceled;
        long largest = maxDownload + thumbnailer.maxWorkingBytes();
        if (largest > memory.limit()) {
            throw new IllegalStateException("persona.storage.max-bytes-in-flight (" + memory.limit() + " bytes) must "
                    + "hold the largest download with its decoded pixels (" + largest + " bytes)");
        }
    }

    public void onImageGenerated(ImageGenerated generated) {
        if (canceled.isCanceled(generated.requestId())) {
            log.info("request {} was canceled: its image is not stored", generated.requestId());
            return;
        }
        long reserve = maxDownload;
        while (true) {
            try (MemoryBudget.Reservation reservation = memory.reserve(reserve)) {
                DownloadedImage image;
                Thumbnailer.Thumbnails thumbnails;
                try {
                    image = download(generated.imageUrl());
                    long needed = image.sizeBytes()
                            + Thumbnailer.workingBytes(thumbnailer.dimensions(image.bytes(), image.format()));
                    if (!reservation.resizeTo(needed)) {
                        log.info("request {}: the image needs {} bytes in memory, more than are free now; "
                                + "waiting for them", generated.requestId(), needed);
                        reserve = needed;
                        continue;
                    }
                    thumbnails = thumbnailer.thumbnails(image.bytes(), image.format());
                } catch (DownloadRefusedException | UnusableImageException refused) {
                    log.warn("request {}: {}", generated.requestId(), refused.getMessage());
                    publisher.publish(PersonaFailed.of(generated.requestId(), generated.personaKey(),
                            FailureStage.STORAGE, PublicReasons.scrub(refused.getMessage())));
                    return;
                }
                store(generated, image, thumbnails);
                return;
            }
        }
    }

    /** The event names the standard thumbnail; the double-size one lies at its conventional key. */
    private void store(ImageGenerated generated, DownloadedImage image, Thumbnailer.Thumbnails thumbnails) {
        String key = ObjectKeys.of(generated.personaKey(), generated.requestId(), image.format());
        String thumbnailKey = ObjectKeys.thumbnailOf(key);
        // The thumbnails first: an image in the bucket always has its thumbnails beside it.
        bucket.put(thumbnailKey, Thumbnailer.CONTENT_TYPE, thumbnails.standard());
        bucket.put(ObjectKeys.doubleSizeThumbnailOf(key), Thumbnailer.CONTENT_TYPE, thumbnails.doubleSize());
        upload(key, image);
        log.info("request {}: stored {} bytes at {} with thumbnails of {} and {} bytes", generated.requestId(),
                image.sizeBytes(), key, thumbnails.standard().length, thumbnails.doubleSize().length);
        publisher.publish(ImageStored.of(generated.requestId(), generated.personaKey(), generated.model(), key,
                image.format().contentType(), image.sizeBytes(), generated.revisedPrompt(), thumbnailKey,
                Thumbnailer.CONTENT_TYPE));
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
            bucket.put(key, image.format().contentType(), image.bytes());
        } catch (RuntimeException failure) {
            metrics.uploaded(upload, TransferMetrics.Outcome.FAILED, 0);
            throw failure;
        }
        metrics.uploaded(upload, TransferMetrics.Outcome.SUCCESS, image.sizeBytes());
    }
}
