package com.personacomposer.storage.thumbnail;

import com.personacomposer.kit.image.ImageFormat;
import com.personacomposer.kit.image.ImageWork;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes the thumbnails of a PNG, JPEG or WebP image from one decoding: JPEGs of at most {@value #MAX_SIDE} px on
 * their longer side and of twice that ({@value #DOUBLE_SIDE} px, for screens of two or more device pixels per CSS
 * pixel), transparent parts on white. The image's dimensions are read from its header first, so an image declaring
 * absurd dimensions is refused before any pixel is decoded. A broken image throws {@link UnusableImageException}.
 * <p>
 * Images are shrunk by halving with bilinear interpolation, then one last step to the size wanted, and the standard
 * thumbnail is made from the double-size one: each halving averages the pixels it drops (one bicubic step over a
 * large ratio skips them and aliases), and it costs about a quarter of a bicubic step (docs/benchmarks.md).
 */
public class Thumbnailer {

    public static final int MAX_SIDE = 256;
    public static final int DOUBLE_SIDE = 2 * MAX_SIDE;
    public static final String CONTENT_TYPE = "image/jpeg";
    private static final float JPEG_QUALITY = 0.85f;
    /**
     * The double-size thumbnail is seen at half its pixel size, where compression shows less: a lower quality keeps
     * it near three times the standard one's bytes instead of four (a gallery's first view stays within 1 MiB).
     */
    private static final float DOUBLE_SIZE_JPEG_QUALITY = 0.7f;
    /** Each decoded pixel's bytes, and what its halvings take beside it (3 bytes a pixel, a quarter each time). */
    private static final long BYTES_PER_PIXEL = 4 + 1;
    /** Beside those: the last step to the double size (512 x 512 x 3 bytes) and the JPEGs, twice over, rounded up. */
    private static final long SCALING_BYTES = 2 * 1024 * 1024;

    /** The JPEGs of at most {@value #MAX_SIDE} and {@value #DOUBLE_SIDE} px on their longer side. */
    public record Thumbnails(byte[] standard, byte[] doubleSize) {
    }

    public record Dimensions(int width, int height) {

        public long pixels() {
            return (long) width * height;
        }
    }

    /** A 1 x 1 lossless WebP (cwebp -lossless), decoded at start-up to prove the WebP reader works where we run. */
    private static final byte[] ONE_PIXEL_WEBP = Base64.getDecoder().decode("UklGRhwAAABXRUJQVlA4TBAAAAAvAAAAAAdQxP5H/wMR0f8A");

    private final long maxPixels;

    public Thumbnailer(long maxPixels) {
        this.maxPixels = maxPixels;
        // Registers the readers of the application's jars (WebP), seen through this thread's context class loader
        // (in a packaged jar the JDK's own scan at first use may run where that loader is not the application's).
        ImageIO.scanForPlugins();
        for (ImageFormat format : ImageFormat.values()) {
            if (!ImageIO.getImageReadersByMIMEType(format.contentType()).hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + format.contentType());
            }
        }
        thumbnails(ONE_PIXEL_WEBP, ImageFormat.WEBP);
    }

    /** The bytes of memory making the thumbnails of an image of these dimensions may take. */
    public static long workingBytes(Dimensions dimensions) {
        return dimensions.pixels() * BYTES_PER_PIXEL + SCALING_BYTES;
    }

    /** The largest {@link #workingBytes} of any image that is not refused. */
    public long maxWorkingBytes() {
        return maxPixels * BYTES_PER_PIXEL + SCALING_BYTES;
    }

    /** Reads the dimensions from the image's header, without decoding it. */
    public Dimensions dimensions(byte[] image, ImageFormat format) {
        return ImageWork.call(() -> withReader(image, format, this::checkedDimensions));
    }

    /** Both thumbnails, made on service-kit's image threads (Java2D and ImageIO stall virtual threads). */
    public Thumbnails thumbnails(byte[] image, ImageFormat format) {
        return ImageWork.call(() -> withReader(image, format, reader -> {
            Dimensions original = checkedDimensions(reader);
            ImageReadParam param = reader.getDefaultReadParam();
            // Decode no more than about twice the larger thumbnail's size where the reader can skip pixels.
            int step = Math.max(1, Math.max(original.width(), original.height()) / (2 * DOUBLE_SIDE));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage doubleSize = shrink(reader.read(0, param), fitted(original, DOUBLE_SIDE));
            BufferedImage standard = shrink(doubleSize, fitted(original, MAX_SIDE));
            return new Thumbnails(jpeg(standard, JPEG_QUALITY), jpeg(doubleSize, DOUBLE_SIZE_JPEG_QUALITY));
        }));
    }

    private interface ReaderAction<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private <T> T withReader(byte[] image, ImageFormat format, ReaderAction<T> action) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
        ImageReader reader = readers.next();
        try (ImageInputStream in = new ByteArrayImageInputStream(image)) {
            reader.setInput(in, true, true);
            return action.apply(reader);
        } catch (UnusableImageException unusable) {
            throw unusable;
        } catch (IOException | RuntimeException broken) {
            // Readers signal broken content with IIOException, but some with index or state errors as well.
            throw new UnusableImageException("the image is not a readable " + name(format) + " ("
                    + (broken.getMessage() == null ? broken.getClass().getSimpleName() : broken.getMessage()) + ")",
                    broken);
        } finally {
            reader.dispose();
        }
    }

    private Dimensions checkedDimensions(ImageReader reader) throws IOException {
        Dimensions dimensions = new Dimensions(reader.getWidth(0), reader.getHeight(0));
        if (dimensions.width() < 1 || dimensions.height() < 1) {
            throw new UnusableImageException("the image declares no pixels (" + dimensions.width() + "x"
                    + dimensions.height() + ")");
        }
        if (dimensions.pixels() > maxPixels) {
            throw new UnusableImageException("the image declares " + dimensions.width() + "x" + dimensions.height()
                    + " pixels, more than the " + maxPixels + " allowed");
        }
        return dimensions;
    }

    /** The size of the original brought to at most {@code maxSide} px on its longer side, never enlarged. */
    private static Dimensions fitted(Dimensions original, int maxSide) {
        double ratio = Math.min(1.0, (double) maxSide / Math.max(original.width(), original.height()));
        return new Dimensions(Math.max(1, (int) Math.round(original.width() * ratio)),
                Math.max(1, (int) Math.round(original.height() * ratio)));
    }

    /**
     * Halvings while they stay at or above the target, then a last step to it. Every step draws onto white in opaque
     * 8-bit BGR, the layout the JPEG writer takes without converting each pixel (JPEG has no alpha: transparent parts
     * are laid on white, as a page would show them).
     */
    private static BufferedImage shrink(BufferedImage image, Dimensions target) {
        BufferedImage shrunk = image;
        while (shrunk.getWidth() / 2 >= target.width() && shrunk.getHeight() / 2 >= target.height()) {
            shrunk = draw(shrunk, shrunk.getWidth() / 2, shrunk.getHeight() / 2);
        }
        boolean done = shrunk.getType() == BufferedImage.TYPE_3BYTE_BGR
                && shrunk.getWidth() == target.width() && shrunk.getHeight() == target.height();
        return done ? shrunk : draw(shrunk, target.width(), target.height());
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(CONTENT_TYPE).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String name(ImageFormat format) {
        return switch (format) {
            case PNG -> "PNG";
            case JPEG -> "JPEG";
            case WEBP -> "WebP";
        };
    }
}
