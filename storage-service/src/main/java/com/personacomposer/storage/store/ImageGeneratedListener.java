package com.personacomposer.storage.store;

import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.Topics;
import com.personacomposer.kit.kafka.ConcurrentStage;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/** Downloads and uploads wait on the network: they run concurrently (up to persona.kafka.max-in-flight). */
@Component
@RequiredArgsConstructor
class ImageGeneratedListener {

    private final ImageStorageService storage;
    private final ConcurrentStage stage;

    @KafkaListener(topics = Topics.IMAGE_GENERATED, containerPostProcessor = ConcurrentStage.LISTENER_SETUP)
    void onImageGenerated(ConsumerRecord<String, ImageGenerated> record, Acknowledgment ack) {
        stage.submit(record, ack, () -> storage.onImageGenerated(record.value()));
    }
}
