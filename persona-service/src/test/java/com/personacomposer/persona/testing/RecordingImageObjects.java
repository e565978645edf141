package com.personacomposer.persona.testing;

import com.personacomposer.persona.images.ImageObjects;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The image objects of the hand-wired machinery: records which originals were deleted (the ITs delete real ones). */
public final class RecordingImageObjects extends ImageObjects {

    public final List<String> deleted = new CopyOnWriteArrayList<>();

    RecordingImageObjects() {
        super(null, null);
    }

    @Override
    public void delete(String s3Key, String thumbnailKey) {
        deleted.add(s3Key);
    }
}
