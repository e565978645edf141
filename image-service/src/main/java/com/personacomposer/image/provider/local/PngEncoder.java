package com.personacomposer.image.provider.local;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A PNG writer for the renderer's RGB images. ImageIO's writer tries all five row filters on every row and keeps
 * the best; one fixed filter ("up": the backdrop is a vertical gradient, so most of a row repeats the row above) and
 * the fastest deflate level cost a fraction of that for slightly larger files.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int FILTER_UP = 2;

    private PngEncoder() {
    }

    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("only TYPE_INT_RGB images are encoded, not type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        ByteArrayOutputStream png = new ByteArrayOutputStream(width * height);
        try {
            png.write(SIGNATURE);
            writeChunk(png, "IHDR", header(width, height));
            writeChunk(png, "IDAT", imageData(pixels, width, height));
            writeChunk(png, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return png.toByteArray();
    }

    private static byte[] header(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(13);
        DataOutputStream header = new DataOutputStream(bytes);
        header.writeInt(width);
        header.writeInt(height);
        header.writeByte(8); // bits per channel
        header.writeByte(2); // colour type: RGB
        header.writeByte(0); // compression: deflate
        header.writeByte(0); // filter method: adaptive (each row names its filter)
        header.writeByte(0); // no interlace
        return bytes.toByteArray();
    }

    private static byte[] imageData(int[] pixels, int width, int height) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(width * height);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
            byte[] row = new byte[1 + width * 3];
            row[0] = FILTER_UP;
            for (int y = 0; y < height; y++) {
                int at = y * width;
                for (int x = 0; x < width; x++) {
                    int pixel = pixels[at + x];
                    int above = y == 0 ? 0 : pixels[at - width + x];
                    int i = 1 + x * 3;
                    row[i] = (byte) ((pixel >> 16) - (above >> 16));
                    row[i + 1] = (byte) ((pixel >> 8) - (above >> 8));
                    row[i + 2] = (byte) (pixel - above);
                }
                out.write(row);
            }
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
