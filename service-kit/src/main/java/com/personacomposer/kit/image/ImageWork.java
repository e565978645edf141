package com.personacomposer.kit.image;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs Java2D and ImageIO work (drawing, decoding, encoding images) on platform threads, one per core, whoever asks.
 * On virtual threads such work can stop a service for good: Java2D's native code calls back into a synchronized
 * registry ({@code sun.java2d.Disposer}), and a virtual thread that blocks there, under a native frame, keeps its
 * carrier. Once every carrier is kept so, the virtual thread holding the registry's lock never runs again (seen in
 * storage-service under load: both carriers blocked in {@code BufferedImage.createGraphics}). The work is CPU-bound,
 * so more threads than cores would not finish it sooner. One pool per JVM, as the registry is one per JVM.
 */
public final class ImageWork {

    private static final ExecutorService THREADS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().name("image-work-", 0).daemon().factory());

    private ImageWork() {
    }

    /**
     * {@code work}'s result, computed on one of the image threads while the caller waits; what it throws is thrown
     * here as it was.
     */
    public static <T> T call(Supplier<T> work) {
        Future<T> result = THREADS.submit(work::get);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for image work", e);
        }
    }
}
