package com.personacomposer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.personacomposer.events.contract.AsyncApiApplications;
import com.personacomposer.events.contract.ObservedMessaging;
import com.personacomposer.events.contract.ObservedMessaging.Listener;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The checker every service's contract test uses: it must refuse what the document does not say. */
class AsyncApiApplicationsTest {

    private final AsyncApiApplications document = AsyncApiApplications.load();

    @Test
    void everyEventTravelsOnTheChannelTheDocumentSays() {
        for (PersonaEvent event : EventSamples.all()) {
            assertThat(AsyncApiApplications.topicOfMessage(event.eventType())).as(event.eventType())
                    .isEqualTo(Topics.of(event));
        }
    }

    @Test
    void acceptsWhatTheApplicationLists() {
        document.assertMatches("storage-service", new ObservedMessaging(
                List.of(new Listener(Topics.IMAGE_GENERATED, "storage-service", "a listener"),
                        new Listener(Topics.PERSONA_CANCELED, "storage-service-5d1e", "a broadcast listener")),
                Set.of(Topics.IMAGE_STORED, Topics.PERSONA_FAILED, Topics.deadLetter(Topics.IMAGE_GENERATED))));
    }

    @Test
    void refusesAListenerTheDocumentLacks() {
        refused("storage-service", new ObservedMessaging(
                List.of(new Listener(Topics.IMAGE_GENERATED, "storage-service", "a listener"),
                        new Listener(Topics.PERSONA_COMPLETED, "storage-service", "NewListener.on")),
                Set.of(Topics.IMAGE_STORED, Topics.PERSONA_FAILED, Topics.deadLetter(Topics.IMAGE_GENERATED))))
                .hasMessageContaining("NewListener.on listens to persona.completed");
    }

    @Test
    void refusesAPublishTheDocumentLacks() {
        refused("motto-service", new ObservedMessaging(
                List.of(new Listener(Topics.PERSONA_REQUESTED, "motto-service", "a listener")),
                Set.of(Topics.MOTTO_GENERATED, Topics.PERSONA_FAILED, Topics.deadLetter(Topics.PERSONA_REQUESTED),
                        Topics.PERSONA_COMPLETED)))
                .hasMessageContaining("motto-service publishes to persona.completed");
    }

    @Test
    void refusesAnotherConsumerGroup() {
        refused("gateway-service", new ObservedMessaging(
                List.of(new Listener(Topics.PERSONA_COMPLETED, "gateway", "Finishes.on"),
                        new Listener(Topics.PERSONA_FAILED, "gateway-service-1b2c", "Finishes.on")),
                Set.of(Topics.PERSONA_REQUESTED)))
                .hasMessageContaining("joins group gateway on persona.completed, asyncapi.yaml says gateway-service-*");
    }

    @Test
    void refusesAnOperationNoCodeHasAnyMore() {
        refused("image-service", new ObservedMessaging(
                List.of(new Listener(Topics.PERSONA_REQUESTED, "image-service", "a listener")),
                Set.of(Topics.IMAGE_GENERATED, Topics.deadLetter(Topics.PERSONA_REQUESTED))))
                .hasMessageContaining("lists persona.failed as sent by image-service, but its code never does");
    }

    /** The document does not match what {@code service}'s code was seen doing. */
    private AbstractThrowableAssert<?, ? extends Throwable> refused(String service, ObservedMessaging observed) {
        return assertThatThrownBy(() -> document.assertMatches(service, observed)).isInstanceOf(AssertionError.class);
    }
}
