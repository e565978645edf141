package com.personacomposer.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One fixed instance of every event, as a producer would send it. */
final class EventSamples {

    static final UUID REQUEST_ID = UUID.fromString("6f1c2a4e-8d1b-4c37-9a55-0e2f7b8c9d10");
    static final Instant AT = Instant.parse("2026-11-26T08:15:30.123Z");
    static final String KEY = "zoë o'brien";
    /** A webhook target as persona-service puts it on the finish events of a request that asked for one. */
    static final WebhookTarget WEBHOOK = new WebhookTarget("https://hooks.example.com/personas?team=7",
            Set.of(WebhookEventType.CANCELED, WebhookEventType.COMPLETED), "key:ci-bot");

    private EventSamples() {
    }

    static List<PersonaEvent> all() {
        return List.of(
                new PersonaRequested(id(1), AT, REQUEST_ID, KEY, "Zoë O'Brien", "zoë-o-brien-8c1f2a3b",
                        "red hair, loves the ocean at night", MottoTone.SARCASTIC, ImageModel.LOCAL),
                new ImageGenerated(id(2), AT, REQUEST_ID, KEY, ImageModel.DALL_E,
                        "http://localhost:8082/generated/abc123", "A photorealistic portrait of Zoë"),
                new ImageStored(id(3), AT, REQUEST_ID, KEY, ImageModel.DALL_E,
                        "persona-generations/zoë-o-brien-8c1f2a3b/" + REQUEST_ID + ".png", "image/png", 48213, null,
                        null, null),
                new MottoGenerated(id(4), AT, REQUEST_ID, KEY, "Salt in my hair, stars in my plans.", "local"),
                new PersonaCompleted(id(5), AT, REQUEST_ID, KEY, "zoë-o-brien-8c1f2a3b",
                        "3d9f0c7e-2b1a-4c5d-8e6f-7a8b9c0d1e2f", null),
                new PersonaFailed(id(6), AT, REQUEST_ID, KEY, FailureStage.STORAGE,
                        "download refused: host 169.254.169.254 is not allowed", null),
                new PersonaCanceled(id(7), AT, REQUEST_ID, KEY, WEBHOOK),
                new WebhookDeliveryUpdated(id(8), AT, REQUEST_ID, KEY, "msg_" + REQUEST_ID + "_canceled",
                        WebhookEventType.CANCELED, WebhookDeliveryState.PENDING, 2, 500,
                        Instant.parse("2026-11-26T08:20:35.123Z")),
                new ImageSkipped(id(9), AT, REQUEST_ID, KEY, ImageSkipped.CANCELED));
    }

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-00000000000" + n);
    }
}
