package com.personacomposer.storage.download;

import com.personacomposer.kit.image.ImageFormat;

/** An image that passed the guard: its bytes and the format they were recognised as. */
public record DownloadedImage(byte[] bytes, ImageFormat format) {

    public long sizeBytes() {
        return bytes.length;
    }
}
