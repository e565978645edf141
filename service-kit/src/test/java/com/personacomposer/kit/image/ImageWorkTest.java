package com.personacomposer.kit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImageWorkTest {

    @Test
    void workAskedForOnAVirtualThreadRunsOnAPlatformImageThread() throws Exception {
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread worker = virtualThreads.submit(() -> ImageWork.call(Thread::currentThread)).get();

            assertThat(worker.isVirtual()).isFalse();
            assertThat(worker.getName()).startsWith("image-work-");
        }
    }

    @Test
    void whatTheWorkThrowsIsThrownToTheCallerAsItWas() {
        IllegalArgumentException broken = new IllegalArgumentException("not an image");

        assertThatThrownBy(() -> ImageWork.call(() -> {
            throw broken;
        })).isSameAs(broken);
    }

    @Test
    void manyVirtualThreadsDrawingAtOnceAllGetTheirImages() throws Exception {
        int callers = 20 * Runtime.getRuntime().availableProcessors();
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> drawn = IntStream.range(0, callers)
                    .mapToObj(i -> virtualThreads.submit(() -> ImageWork.call(() -> drawAndReadBack(i))))
                    .toList();

            for (int i = 0; i < callers; i++) {
                assertThat(drawn.get(i).get()).isEqualTo(0xFF000000 | i);
            }
        }
    }

    private static int drawAndReadBack(int rgb) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(new Color(rgb));
            graphics.fillRect(0, 0, 64, 64);
        } finally {
            graphics.dispose();
        }
        return image.getRGB(32, 32);
    }
}
