package com.personacomposer.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The AsyncAPI document is what outside consumers read: it must name every topic and message we really use. */
class AsyncApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void describesEveryTopicItsDeadLetterTopicAndAnExistingSchema() {
        Map<String, Object> doc = load();
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");

        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
        Set<String> addresses = channels.values().stream().map(c -> (String) c.get("address")).collect(Collectors.toSet());
        for (String topic : Topics.ALL) {
            assertThat(addresses).contains(topic, Topics.deadLetter(topic));
        }

        Map<String, Map<String, Object>> messages =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("components")).get("messages");
        assertThat(messages.keySet()).containsExactlyInAnyOrder(EventSamples.all().stream()
                .map(PersonaEvent::eventType).toArray(String[]::new));
        messages.forEach((name, message) -> {
            Map<String, Object> payload = (Map<String, Object>) message.get("payload");
            String ref = (String) ((Map<String, Object>) payload.get("schema")).get("$ref");
            assertThat(ref).isEqualTo("./schemas/" + name + ".v1.json");
            assertThat(getClass().getResource("/" + ref.substring(2))).as(ref).isNotNull();
            Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) message.get("bindings")).get("kafka");
            assertThat(kafka).containsKey("key");
        });
    }

    private Map<String, Object> load() {
        InputStream in = getClass().getResourceAsStream("/asyncapi.yaml");
        assertThat(in).isNotNull();
        return new Yaml().load(in);
    }
}
