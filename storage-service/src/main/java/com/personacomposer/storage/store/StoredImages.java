package com.personacomposer.storage.store;

import com.personacomposer.kit.s3.S3Properties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The image objects in the bucket. */
@Component
class StoredImages {

    private final S3Client s3;
    private final String bucket;

    StoredImages(S3Client s3, S3Properties properties) {
        this.s3 = s3;
        this.bucket = properties.bucket();
    }

    /** Uploads the bytes as they are: the body reads the caller's array (no copy), afresh on each attempt. */
    void put(String key, String contentType, byte[] bytes) {
        s3.putObject(PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .contentLength((long) bytes.length)
                        .build(),
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes), bytes.length, contentType));
    }

    /** Reads an object into an array of exactly its size. */
    byte[] get(String key) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in =
                     s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build())) {
            long size = in.response().contentLength();
            byte[] bytes = new byte[Math.toIntExact(size)];
            if (in.readNBytes(bytes, 0, bytes.length) < bytes.length) {
                throw new IOException(key + " ended before its " + size + " bytes");
            }
            return bytes;
        }
    }

    /** Every object under {@link ObjectKeys#PREFIX}, in key order, page by page. */
    void forEachImageObject(Consumer<S3Object> action) {
        s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(ObjectKeys.PREFIX).build())
                .contents()
                .forEach(action);
    }
}
