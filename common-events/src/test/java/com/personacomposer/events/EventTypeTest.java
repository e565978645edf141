package com.personacomposer.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** EventType is the one list of events: everything else that names them must agree with it. */
class EventTypeTest {

    @Test
    void listsExactlyTheRecordsPersonaEventPermits() {
        Set<Class<?>> permitted = Set.of(PersonaEvent.class.getPermittedSubclasses());
        Set<Class<?>> listed = Arrays.stream(EventType.values()).map(EventType::record).collect(Collectors.toSet());

        assertThat(listed).isEqualTo(permitted);
    }

    @Test
    void everySampleEventCarriesTheIdVersionAndTopicOfItsType() {
        List<Class<?>> sampled = EventSamples.all().stream().<Class<?>>map(Object::getClass).toList();
        List<Class<?>> listed = Arrays.stream(EventType.values()).<Class<?>>map(EventType::record).toList();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(listed);
        for (PersonaEvent event : EventSamples.all()) {
            EventType type = EventType.of(event);
            assertThat(event.eventType()).isEqualTo(type.id());
            assertThat(event.schemaVersion()).isEqualTo(type.version());
            assertThat(Topics.of(event)).isEqualTo(type.topic());
            assertThat(EventCodec.fromJson(EventCodec.toJson(event))).isEqualTo(event);
        }
    }

    @Test
    void idsAndTopicsAreUniqueAndEveryTopicIsDeclared() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::id)).doesNotHaveDuplicates();
        assertThat(Topics.ALL).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::topic).toList());
    }

    @Test
    void everyTypeHasAJsonSchemaOfItsVersion() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.class.getResource("/schemas/" + type.id() + ".v" + type.version() + ".json"))
                    .as(type.id()).isNotNull();
        }
    }
}
