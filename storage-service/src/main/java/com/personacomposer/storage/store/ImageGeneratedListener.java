package com.personacomposer.storage.store;

import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ImageGeneratedListener {

    private final ImageStorageService storage;

    ImageGeneratedListener(ImageStorageService storage) {
        this.storage = storage;
    }

    @KafkaListener(topics = Topics.IMAGE_GENERATED)
    void onImageGenerated(ImageGenerated generated) {
        storage.onImageGenerated(generated);
    }
}
