package com.personacomposer.kit.contract;

import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.Topics;
import com.personacomposer.events.contract.AsyncApiApplications;
import com.personacomposer.events.contract.ObservedMessaging;
import com.personacomposer.kit.kafka.ConcurrentStage;
import com.personacomposer.kit.kafka.EventPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.kafka.annotation.KafkaListener;
import org.yaml.snakeyaml.Yaml;

/**
 * Finds what a service really does on Kafka, from its compiled production classes (not its tests):
 * <ul>
 * <li>listeners: every {@code @KafkaListener} method, its topics and the group it joins (its {@code groupId},
 * evaluated; else its {@code id}; else the service's default group, {@code spring.application.name}), including
 * those of the classes its classes {@code @Import} (such as service-kit's canceled requests);</li>
 * <li>dead letters: a listener on the pipeline's error handling (the default container factory, or
 * {@link ConcurrentStage}) sends what it gives up on to {@code <topic>-dlt}, and, when the service names a
 * {@code persona.kafka.failure-stage}, fails the request with PersonaFailed;</li>
 * <li>publishes: every event type the service's code creates, when its code calls {@link EventPublisher} (events
 * are created to be published), on the topic the AsyncAPI document gives that message.</li>
 * </ul>
 * Compare the result with the document with {@link AsyncApiApplications#assertMatches}.
 */
public final class ServiceMessaging {

    private static final String PUBLISHER = Type.getInternalName(EventPublisher.class);

    private ServiceMessaging() {
    }

    public static ObservedMessaging scan(String basePackage) {
        Map<String, Object> config = applicationYaml();
        String applicationName = (String) path(config, "spring", "application", "name");
        boolean failsRequests = path(config, "persona", "kafka", "failure-stage") != null;

        List<ObservedMessaging.Listener> listeners = new ArrayList<>();
        Set<String> sends = new TreeSet<>();
        Set<Class<?>> created = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        boolean[] publishes = {false};

        for (Class<?> type : withImports(productionClasses(basePackage, created, publishes))) {
            for (Method method : type.getDeclaredMethods()) {
                for (KafkaListener listener : AnnotatedElementUtils.findMergedRepeatableAnnotations(method,
                        KafkaListener.class)) {
                    String where = type.getSimpleName() + "." + method.getName();
                    if (!listener.topicPattern().isEmpty() || listener.topicPartitions().length > 0) {
                        throw new AssertionError(where + ": only listeners on named topics can be checked");
                    }
                    String group = groupOf(listener, applicationName);
                    boolean pipelineErrors = listener.containerFactory().isEmpty()
                            || ConcurrentStage.LISTENER_SETUP.equals(listener.containerPostProcessor());
                    for (String topic : listener.topics()) {
                        listeners.add(new ObservedMessaging.Listener(topic, group, where));
                        if (pipelineErrors) {
                            sends.add(Topics.deadLetter(topic));
                            if (failsRequests) {
                                sends.add(Topics.PERSONA_FAILED);
                            }
                        }
                    }
                }
            }
        }
        if (publishes[0]) {
            for (Class<?> event : created) {
                sends.add(AsyncApiApplications.topicOfMessage(eventType(event)));
            }
        }
        return new ObservedMessaging(List.copyOf(listeners), Collections.unmodifiableSet(sends));
    }

    /** The classes and, transitively, every class they {@code @Import}. */
    private static Set<Class<?>> withImports(List<Class<?>> classes) {
        Set<Class<?>> all = new LinkedHashSet<>();
        Deque<Class<?>> next = new ArrayDeque<>(classes);
        while (!next.isEmpty()) {
            Class<?> type = next.pop();
            if (all.add(type)) {
                MergedAnnotations.from(type, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).stream(Import.class)
                        .forEach(imported -> next.addAll(List.of(imported.getClassArray("value"))));
            }
        }
        return all;
    }

    private static String groupOf(KafkaListener listener, String applicationName) {
        String group = listener.groupId();
        if (group.isEmpty()) {
            return !listener.id().isEmpty() && listener.idIsGroup() ? listener.id() : applicationName;
        }
        String resolved = group.replace("${spring.application.name}", applicationName);
        if (resolved.contains("${")) {
            throw new AssertionError("group id " + group + " uses a property the contract check cannot resolve");
        }
        return resolved.startsWith("#{")
                ? String.valueOf(new SpelExpressionParser().parseExpression(resolved, new TemplateParserContext())
                        .getValue())
                : resolved;
    }

    private static String eventType(Class<?> event) {
        try {
            return (String) event.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            return event.getSimpleName();
        }
    }

    /** The service's compiled classes (target/classes, never test-classes), read for event creations on the way. */
    private static List<Class<?>> productionClasses(String basePackage, Set<Class<?>> createdEvents,
                                                   boolean[] publishes) {
        List<Class<?>> classes = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + basePackage.replace('.', '/') + "/**/*.class");
            for (Resource resource : resources) {
                if (resource.getURL().toString().contains("/test-classes/")) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    ClassReader reader = new ClassReader(in);
                    reader.accept(new EventUseVisitor(createdEvents, publishes), ClassReader.SKIP_DEBUG);
                    classes.add(Class.forName(reader.getClassName().replace('/', '.')));
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (classes.isEmpty()) {
            throw new AssertionError("no production classes under " + basePackage);
        }
        return classes;
    }

    private static final class EventUseVisitor extends ClassVisitor {
        private final Set<Class<?>> createdEvents;
        private final boolean[] publishes;

        EventUseVisitor(Set<Class<?>> createdEvents, boolean[] publishes) {
            super(Opcodes.ASM9);
            this.createdEvents = createdEvents;
            this.publishes = publishes;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode == Opcodes.NEW) {
                        event(type);
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    if (owner.equals(PUBLISHER) && method.startsWith("publish")) {
                        publishes[0] = true;
                    }
                    if (opcode == Opcodes.INVOKESTATIC) {
                        Type returned = Type.getReturnType(desc);
                        if (returned.getSort() == Type.OBJECT && returned.getInternalName().equals(owner)) {
                            event(owner);
                        }
                    }
                }
            };
        }

        private void event(String internalName) {
            if (!internalName.startsWith("com/personacomposer/events/")) {
                return;
            }
            try {
                Class<?> type = Class.forName(internalName.replace('/', '.'));
                if (PersonaEvent.class.isAssignableFrom(type) && !type.isInterface()) {
                    createdEvents.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The service's own application.yml (main resources) merged over nothing: only its own keys are read. */
    private static Map<String, Object> applicationYaml() {
        try {
            for (URL url : Collections.list(ServiceMessaging.class.getClassLoader().getResources("application.yml"))) {
                if (!url.toString().contains("/test-classes/")) {
                    try (InputStream in = url.openStream()) {
                        return new Yaml().load(in);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no application.yml of the service on the classpath");
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = ((Map<String, Object>) m).get(key);
        }
        return current;
    }
}
