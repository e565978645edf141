package com.personacomposer.persona.images;

import com.personacomposer.kit.s3.S3Properties;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 objects of an image: its original and its thumbnails. */
@Component
@RequiredArgsConstructor
public class ImageObjects {

    private final S3Client s3;
    private final S3Properties properties;

    /** Deletes the image's objects (deleting an object that is not there succeeds). */
    public void delete(PersonaImage image) {
        delete(image.s3Key(), image.thumbnailKey());
    }

    /**
     * Deletes the objects storage-service stored for an image under {@code s3Key}: the original and both thumbnails
     * ({@code thumbnailKey} as it announced it; null: the conventional key).
     */
    public void delete(String s3Key, String thumbnailKey) {
        String[] keys = {s3Key, thumbnailKey != null ? thumbnailKey : Thumbnails.keyOf(s3Key),
                Thumbnails.doubleSizeKeyOf(s3Key)};
        for (String key : keys) {
            s3.deleteObject(delete -> delete.bucket(properties.bucket()).key(key));
        }
    }
}
