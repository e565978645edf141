package com.personacomposer.storage.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.kit.image.ImageFormat;
import com.personacomposer.storage.download.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThumbnailerTest {

    private static final long MAX_PIXELS = 25_000_000;

    private final Thumbnailer thumbnailer = new Thumbnailer(MAX_PIXELS);

    @ParameterizedTest(name = "{0}: {1}x{2} -> {3}x{4}")
    @CsvSource({"PNG, 1024, 768, 256, 192", "JPEG, 512, 1024, 128, 256"})
    void shrinksToAJpegOf256OnItsLongerSideKeepingItsShape(ImageFormat format, int width, int height,
                                                           int thumbnailWidth, int thumbnailHeight) throws IOException {
        byte[] image = format == ImageFormat.PNG ? TestImages.png(width, height) : TestImages.jpeg(width, height);

        BufferedImage thumbnail = decodeJpeg(thumbnailer.thumbnails(image, format).standard());

        assertThat(dimensions(thumbnail)).isEqualTo(new Thumbnailer.Dimensions(thumbnailWidth, thumbnailHeight));
    }

    @Test
    void makesTheDoubleSizeThumbnailAt512OnItsLongerSideFromTheSameImage() throws IOException {
        Thumbnailer.Thumbnails thumbnails = thumbnailer.thumbnails(TestImages.png(1024, 768), ImageFormat.PNG);

        BufferedImage doubleSize = decodeJpeg(thumbnails.doubleSize());
        assertThat(dimensions(doubleSize)).isEqualTo(new Thumbnailer.Dimensions(512, 384));
        BufferedImage upright = decodeJpeg(thumbnailer.thumbnails(TestImages.jpeg(600, 1200), ImageFormat.JPEG)
                .doubleSize());
        assertThat(dimensions(upright)).isEqualTo(new Thumbnailer.Dimensions(256, 512));
    }

    @Test
    void readsLossyAndLosslessWebPAndLaysTheirTransparencyOnWhite() throws IOException {
        for (byte[] webp : new byte[][] {TestImages.webp(), TestImages.losslessWebp()}) {
            assertThat(thumbnailer.dimensions(webp, ImageFormat.WEBP)).isEqualTo(new Thumbnailer.Dimensions(600, 400));

            BufferedImage thumbnail = decodeJpeg(thumbnailer.thumbnails(webp, ImageFormat.WEBP).standard());

            assertThat(dimensions(thumbnail)).isEqualTo(new Thumbnailer.Dimensions(256, 171));
            // The left quarter is transparent in the original, the rest a red-to-blue gradient.
            assertNearly(thumbnail.getRGB(10, 85), 0xffffff);
            assertNearly(thumbnail.getRGB(250, 85), 0xf98006);
        }
    }

    @Test
    void laysATransparentPngOnWhiteNotBlack() throws IOException {
        BufferedImage thumbnail = decodeJpeg(thumbnailer.thumbnails(TestImages.transparentPng(400, 400),
                ImageFormat.PNG).standard());

        assertNearly(thumbnail.getRGB(5, 5), 0xffffff);
        assertNearly(thumbnail.getRGB(128, 128), 0x000000);
    }

    @Test
    void keepsASmallImageAtItsOwnSizeInBoth() throws IOException {
        Thumbnailer.Thumbnails thumbnails = thumbnailer.thumbnails(TestImages.png(), ImageFormat.PNG);

        for (byte[] jpeg : new byte[][] {thumbnails.standard(), thumbnails.doubleSize()}) {
            BufferedImage thumbnail = decodeJpeg(jpeg);
            assertThat(dimensions(thumbnail)).isEqualTo(new Thumbnailer.Dimensions(8, 8));
        }
    }

    @Test
    void refusesBrokenContentBehindTheRightMagicBytes() {
        byte[] png = TestImages.png(64, 64);
        byte[] truncatedPng = Arrays.copyOf(png, png.length / 2);
        byte[] garbledJpeg = TestImages.jpeg(64, 64);
        Arrays.fill(garbledJpeg, 3, garbledJpeg.length, (byte) 0x5a);
        byte[] garbledWebp = TestImages.webp();
        Arrays.fill(garbledWebp, 16, garbledWebp.length, (byte) 0x5a);

        thumbnailsRefused(truncatedPng, ImageFormat.PNG)
                .hasMessageStartingWith("the image is not a readable PNG (");
        thumbnailsRefused(garbledJpeg, ImageFormat.JPEG)
                .hasMessageStartingWith("the image is not a readable JPEG (");
        thumbnailsRefused(garbledWebp, ImageFormat.WEBP)
                .hasMessageStartingWith("the image is not a readable WebP (");
    }

    @Test
    void refusesAnImageDeclaringAbsurdDimensionsBeforeDecodingIt() {
        // 100000 x 100000 pixels would take 40 GB to decode; the file itself is a few hundred bytes.
        byte[] bomb = TestImages.pngDeclaring(100_000, 100_000);

        assertThat(bomb.length).isLessThan(1000);
        assertThatThrownBy(() -> thumbnailer.dimensions(bomb, ImageFormat.PNG))
                .isInstanceOf(UnusableImageException.class)
                .hasMessage("the image declares 100000x100000 pixels, more than the 25000000 allowed");
        thumbnailsRefused(bomb, ImageFormat.PNG)
                .hasMessageContaining("more than the 25000000 allowed");
    }

    @Test
    void countsFiveBytesADecodedPixelAndRoomToScale() {
        assertThat(Thumbnailer.workingBytes(new Thumbnailer.Dimensions(1024, 1024)))
                .isEqualTo(5L * 1024 * 1024 + 2 * 1024 * 1024);
        assertThat(thumbnailer.maxWorkingBytes()).isEqualTo(5 * MAX_PIXELS + 2 * 1024 * 1024);
    }

    @Test
    void aFinePatternShrinksToItsAverageNotToMoire() throws IOException {
        // One-pixel black and white squares at the size DALL-E 3 draws wide images: grey when shrunk, not stripes.
        BufferedImage checkerboard = new BufferedImage(1792, 1024, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < checkerboard.getHeight(); y++) {
            for (int x = 0; x < checkerboard.getWidth(); x++) {
                checkerboard.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0x000000);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(checkerboard, "png", png);

        Thumbnailer.Thumbnails thumbnails = thumbnailer.thumbnails(png.toByteArray(), ImageFormat.PNG);

        for (byte[] jpeg : new byte[][] {thumbnails.standard(), thumbnails.doubleSize()}) {
            BufferedImage thumbnail = decodeJpeg(jpeg);
            for (int y = 2; y < thumbnail.getHeight() - 2; y++) {
                for (int x = 2; x < thumbnail.getWidth() - 2; x++) {
                    assertNearly(thumbnail.getRGB(x, y), 0x808080);
                }
            }
        }
    }

    /** Making the thumbnails of {@code image} fails: it is an image this service cannot use. */
    private AbstractThrowableAssert<?, ? extends Throwable> thumbnailsRefused(byte[] image, ImageFormat format) {
        return assertThatThrownBy(() -> thumbnailer.thumbnails(image, format))
                .isInstanceOf(UnusableImageException.class);
    }

    private static Thumbnailer.Dimensions dimensions(BufferedImage image) {
        return new Thumbnailer.Dimensions(image.getWidth(), image.getHeight());
    }

    private static BufferedImage decodeJpeg(byte[] jpeg) throws IOException {
        assertThat(ImageFormat.detect(jpeg)).contains(ImageFormat.JPEG);
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static void assertNearly(int actualRgb, int expectedRgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int actual = (actualRgb >> shift) & 0xff;
            int expected = (expectedRgb >> shift) & 0xff;
            assertThat(Math.abs(actual - expected)).as("channel at bit %d of %06x", shift, actualRgb & 0xffffff)
                    .isLessThanOrEqualTo(24);
        }
    }
}
