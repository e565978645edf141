package com.personacomposer.persona.images;

import com.personacomposer.kit.s3.S3Properties;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 objects of an image: its original and its thumbnails. */
@Component
public class ImageObjects {

    private final S3Client s3;
    private final S3Properties properties;

    ImageObjects(S3Client s3, S3Properties properties) {
        this.s3 = s3;
        this.properties = properties;
    }

    /** Deletes the image's objects (deleting an object that is not there succeeds). */
    public void delete(PersonaImage image) {
        String[] keys = {image.s3Key(), image.thumbnailKey(), Thumbnails.doubleSizeKeyOf(image.s3Key())};
        for (String key : keys) {
            s3.deleteObject(delete -> delete.bucket(properties.bucket()).key(key));
        }
    }
}
