package com.personacomposer.events.contract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/**
 * The applications of the AsyncAPI document (asyncapi.yaml): for each service, the topics it sends to and the topics
 * it receives with its consumer group (an exact id, or a prefix for per-instance groups). It is the one statement of
 * who produces and consumes what; each service's tests compare their real listeners and publishers with it, and
 * deploy/validate compares the Terraform task roles with it.
 */
public final class AsyncApiApplications {

    /** A received topic's consumer group: exactly {@code id}, or any id starting with {@code prefix}. */
    public record Group(String id, String prefix) {
        boolean admits(String groupId) {
            return id != null ? id.equals(groupId) : groupId != null && groupId.startsWith(prefix);
        }

        @Override
        public String toString() {
            return id != null ? id : prefix + "*";
        }
    }

    /** One service's operations. */
    public record Application(String name, Set<String> sends, Map<String, Group> receives) {
    }

    private final Map<String, Application> applications;

    private AsyncApiApplications(Map<String, Application> applications) {
        this.applications = applications;
    }

    /** The document on the classpath (common-events' main resources). */
    public static AsyncApiApplications load() {
        try (InputStream in = AsyncApiApplications.class.getResourceAsStream("/asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi.yaml is not on the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static AsyncApiApplications parse(InputStream in) {
        Map<String, Object> doc = new Yaml().load(in);
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
        Map<String, Map<String, Object>> operations = (Map<String, Map<String, Object>>) doc.get("operations");
        Map<String, Application> apps = new TreeMap<>();
        operations.forEach((name, op) -> {
            String service = ((List<Map<String, String>>) op.getOrDefault("tags", List.of())).stream()
                    .map(tag -> tag.containsKey("$ref") ? tag.get("$ref").replace("#/components/tags/", "") : tag.get("name"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("operation " + name + " names no application tag"));
            String channelRef = ((Map<String, String>) op.get("channel")).get("$ref").replace("#/channels/", "");
            Map<String, Object> channel = channels.get(channelRef);
            if (channel == null) {
                throw new IllegalStateException("operation " + name + " refers to unknown channel " + channelRef);
            }
            String topic = (String) channel.get("address");
            Application app = apps.computeIfAbsent(service,
                    s -> new Application(s, new TreeSet<>(), new TreeMap<>()));
            if ("send".equals(op.get("action"))) {
                app.sends().add(topic);
            } else {
                app.receives().put(topic, group(name, op));
            }
        });
        return new AsyncApiApplications(apps);
    }

    @SuppressWarnings("unchecked")
    private static Group group(String operation, Map<String, Object> op) {
        Map<String, Object> bindings = (Map<String, Object>) op.getOrDefault("bindings", Map.of());
        Map<String, Object> kafka = (Map<String, Object>) bindings.getOrDefault("kafka", Map.of());
        Map<String, Object> groupId = (Map<String, Object>) kafka.getOrDefault("groupId", Map.of());
        if (groupId.get("enum") instanceof List<?> ids && ids.size() == 1) {
            return new Group((String) ids.get(0), null);
        }
        if (groupId.get("pattern") instanceof String pattern && pattern.matches("\\^[A-Za-z0-9._-]+")) {
            return new Group(null, pattern.substring(1));
        }
        throw new IllegalStateException("receive operation " + operation
                + " has no Kafka groupId binding (an enum of one id, or a ^prefix pattern)");
    }

    public Application application(String service) {
        Application app = applications.get(service);
        if (app == null) {
            throw new AssertionError("asyncapi.yaml has no application (operations tagged " + service + ")");
        }
        return app;
    }

    /**
     * Fails, naming every difference, unless the service's observed listeners and publishes are exactly its
     * application's operations: a listener or publish the document lacks, or one it lists that the code no longer
     * has (which would leave Terraform granting rights nobody uses).
     */
    public void assertMatches(String service, ObservedMessaging observed) {
        Application app = application(service);
        List<String> problems = new ArrayList<>();
        Set<String> listenedTopics = new TreeSet<>();
        for (ObservedMessaging.Listener listener : observed.listeners()) {
            listenedTopics.add(listener.topic());
            Group group = app.receives().get(listener.topic());
            if (group == null) {
                problems.add(listener.where() + " listens to " + listener.topic()
                        + ", which asyncapi.yaml does not list as received by " + service);
            } else if (!group.admits(listener.groupId())) {
                problems.add(listener.where() + " joins group " + listener.groupId() + " on " + listener.topic()
                        + ", asyncapi.yaml says " + group);
            }
        }
        app.receives().keySet().stream().filter(topic -> !listenedTopics.contains(topic)).forEach(topic ->
                problems.add("asyncapi.yaml lists " + topic + " as received by " + service + ", but no listener does"));
        observed.sends().stream().filter(topic -> !app.sends().contains(topic)).forEach(topic ->
                problems.add(service + " publishes to " + topic + ", which asyncapi.yaml does not list as sent by it"));
        app.sends().stream().filter(topic -> !observed.sends().contains(topic)).forEach(topic ->
                problems.add("asyncapi.yaml lists " + topic + " as sent by " + service + ", but its code never does"));
        if (!problems.isEmpty()) {
            throw new AssertionError("messaging of " + service + " differs from asyncapi.yaml:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** The topic (channel address) that carries the given message (an event's type id). */
    @SuppressWarnings("unchecked")
    public static String topicOfMessage(String eventType) {
        try (InputStream in = AsyncApiApplications.class.getResourceAsStream("/asyncapi.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
            return channels.values().stream()
                    .filter(c -> ((Map<String, Object>) c.getOrDefault("messages", Map.of())).containsKey(eventType))
                    .map(c -> (String) c.get("address"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("asyncapi.yaml has no channel carrying " + eventType));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
