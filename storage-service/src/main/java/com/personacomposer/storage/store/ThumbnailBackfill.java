package com.personacomposer.storage.store;

import com.personacomposer.kit.image.ImageFormat;
import com.personacomposer.storage.memory.MemoryBudget;
import com.personacomposer.storage.thumbnail.ThumbnailProperties;
import com.personacomposer.storage.thumbnail.Thumbnailer;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Makes the thumbnails missing beside images stored before thumbnails (or their double size) existed. It starts once the service is ready,
 * in the background (readiness never waits for it), lists the objects under {@link ObjectKeys#PREFIX} one persona
 * folder at a time, and makes at most {@code persona.storage.thumbnails.backfill.concurrency} thumbnails at once,
 * within the {@link MemoryBudget}. An image it cannot read is logged and skipped. Running it again, or on several
 * replicas at once, is harmless: a thumbnail is only ever written with the same content.
 */
@Component
class ThumbnailBackfill {

    private static final Logger log = LoggerFactory.getLogger(ThumbnailBackfill.class);

    record Summary(int made, int failed) {
    }

    private final StoredImages images;
    private final Thumbnailer thumbnailer;
    private final MemoryBudget memory;
    private final ThumbnailProperties.Backfill properties;
    private volatile boolean stopping;

    ThumbnailBackfill(StoredImages images, Thumbnailer thumbnailer, MemoryBudget memory,
                      ThumbnailProperties properties) {
        this.images = images;
        this.thumbnailer = thumbnailer;
        this.memory = memory;
        this.properties = properties.backfill();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInTheBackground() {
        if (!properties.enabled()) {
            log.info("thumbnail back-fill is disabled");
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException failure) {
                log.warn("thumbnail back-fill stopped: {}", failure.toString());
            }
        }, "thumbnail-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    /** Makes every missing thumbnail; returns when all are made or have failed. */
    Summary run() {
        long started = System.nanoTime();
        var threads = new CustomizableThreadFactory("thumbnail-backfill-");
        threads.setDaemon(true);
        ExecutorService workers = Executors.newFixedThreadPool(properties.concurrency(), threads);
        // The listing stays at most a few images ahead of the workers.
        Semaphore queued = new Semaphore(properties.concurrency() * 2);
        AtomicInteger made = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        log.info("thumbnail back-fill: looking for images without their thumbnails under {}", ObjectKeys.PREFIX);
        try {
            Folder folder = new Folder();
            images.forEachImageObject(object -> {
                if (stopping) {
                    throw new IllegalStateException("the service is stopping");
                }
                String key = object.key();
                String name = key.substring(0, key.lastIndexOf('/') + 1);
                if (!name.equals(folder.name)) {
                    folder.missing().forEach(image -> submit(image, workers, queued, made, failed));
                    folder.start(name);
                }
                folder.add(object);
            });
            folder.missing().forEach(image -> submit(image, workers, queued, made, failed));
        } finally {
            workers.shutdown();
            awaitQuietly(workers);
        }
        Summary summary = new Summary(made.get(), failed.get());
        log.info("thumbnail back-fill: made the missing thumbnails of {} images, {} failed, in {} ms", summary.made(),
                summary.failed(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return summary;
    }

    /** The objects of one persona folder (keys come in order, so a folder's objects come together). */
    private static final class Folder {

        private String name = "";
        private final List<S3Object> originals = new ArrayList<>();
        private final Set<String> thumbnails = new HashSet<>();

        void start(String folder) {
            name = folder;
            originals.clear();
            thumbnails.clear();
        }

        void add(S3Object object) {
            if (ObjectKeys.isThumbnail(object.key())) {
                thumbnails.add(object.key());
            } else {
                originals.add(object);
            }
        }

        /** The originals missing one of their thumbnails. */
        List<S3Object> missing() {
            return originals.stream().filter(image -> !thumbnails.contains(ObjectKeys.thumbnailOf(image.key()))
                    || !thumbnails.contains(ObjectKeys.doubleSizeThumbnailOf(image.key()))).toList();
        }
    }

    private void submit(S3Object image, ExecutorService workers, Semaphore queued, AtomicInteger made,
                        AtomicInteger failed) {
        queued.acquireUninterruptibly();
        workers.execute(() -> {
            try {
                makeThumbnail(image);
                made.incrementAndGet();
            } catch (IOException | RuntimeException failure) {
                failed.incrementAndGet();
                log.warn("thumbnail back-fill: no thumbnail for {}: {}", image.key(), failure.getMessage());
            } finally {
                queued.release();
            }
        });
    }

    /**
     * Like a live image: it holds the image and its decoding within the budget, waiting only while holding nothing.
     * Both thumbnails are written (one decoding makes both; rewriting one that was there changes nothing a reader sees).
     */
    private void makeThumbnail(S3Object object) throws IOException {
        long reserve = object.size();
        while (true) {
            try (MemoryBudget.Reservation reservation = memory.reserve(reserve)) {
                byte[] image = images.get(object.key());
                ImageFormat format = ImageFormat.detect(image).orElseThrow(() -> new IllegalStateException(
                        "not a PNG, JPEG or WebP image"));
                long needed = image.length + Thumbnailer.workingBytes(thumbnailer.dimensions(image, format));
                if (!reservation.resizeTo(needed)) {
                    reserve = needed;
                    continue;
                }
                Thumbnailer.Thumbnails thumbnails = thumbnailer.thumbnails(image, format);
                images.put(ObjectKeys.thumbnailOf(object.key()), Thumbnailer.CONTENT_TYPE, thumbnails.standard());
                images.put(ObjectKeys.doubleSizeThumbnailOf(object.key()), Thumbnailer.CONTENT_TYPE,
                        thumbnails.doubleSize());
                return;
            }
        }
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            workers.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
