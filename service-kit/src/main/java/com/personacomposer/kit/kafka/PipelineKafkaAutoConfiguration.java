package com.personacomposer.kit.kafka;

import com.personacomposer.events.InvalidEventException;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.Topics;
import com.personacomposer.kit.startup.OnStart;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.backoff.BackOff;

/**
 * The Kafka wiring every service shares: the pipeline topics and their dead-letter topics, the event publisher, and
 * the one error handler (bounded exponential retries, then dead-letter; unreadable records dead-lettered at once).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PipelineKafkaProperties.class)
public class PipelineKafkaAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics pipelineTopics(PipelineKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicationFactor()));
            topics.add(new NewTopic(Topics.deadLetter(topic), properties.partitions(), properties.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Creates whichever of those topics are missing as the service starts, before its listeners do
     * (spring.kafka.admin.auto-create is off in service-defaults.yml, or KafkaAdmin would do it while the beans are
     * made). A broker that cannot be reached is logged and the start goes on, as with auto-create.
     */
    @Bean
    OnStart pipelineTopicsCreation(KafkaAdmin admin) {
        return admin::initialize;
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, PersonaEvent> template, PipelineKafkaProperties properties) {
        return new EventPublisher(template, properties.sendTimeout());
    }

    @Bean
    DeadLetterRecoverer deadLetterRecoverer(DefaultKafkaProducerFactory<Object, Object> producerFactory,
                                            EventPublisher publisher, PipelineKafkaProperties properties,
                                            MeterRegistry meters) {
        KafkaTemplate<Object, Object> deadLetterTemplate = new KafkaTemplate<>(
                producerFactory.copyWithConfigurationOverride(Map.of(
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class)));
        return new DeadLetterRecoverer(new DeadLetterPublishingRecoverer(deadLetterTemplate), publisher,
                properties.failureStage(), meters);
    }

    /** The container factory of {@link BroadcastListeners}. */
    @Bean(BroadcastListeners.CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> broadcastListenerContainerFactory(
            ConsumerFactory<Object, Object> consumerFactory) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        factory.setConsumerFactory(consumerFactory);
        factory.setConcurrency(1);
        factory.setCommonErrorHandler(new CommonLoggingErrorHandler());
        // Nobody reads these groups' offsets again (every start is a new group): the client's own commit every few
        // seconds instead of one per poll.
        Properties autoCommit = new Properties();
        autoCommit.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        factory.getContainerProperties().setKafkaConsumerProperties(autoCommit);
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }

    /** Failures no retry can mend: unreadable records. */
    private static final List<Class<? extends Exception>> NOT_RETRYABLE =
            List.of(InvalidEventException.class, DeserializationException.class);

    @Bean
    DefaultErrorHandler pipelineErrorHandler(DeadLetterRecoverer recoverer, PipelineKafkaProperties properties) {
        var handler = new DefaultErrorHandler(recoverer, retryBackOff(properties));
        NOT_RETRYABLE.forEach(handler::addNotRetryableExceptions);
        // Retry in place rather than seek back and poll the failed record's neighbours again.
        handler.setSeekAfterError(false);
        return handler;
    }

    /** Bounded exponential pauses, long enough in all to ride out a dependency that is away for a little while. */
    private static BackOff retryBackOff(PipelineKafkaProperties properties) {
        var backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.retryBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.retryBackoff().toMillis() * 20);
        return backOff;
    }

    private static boolean retryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Throwable current = cause;
            if (NOT_RETRYABLE.stream().anyMatch(type -> type.isInstance(current))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Bounded concurrency for slow stages: a virtual thread per record with spring.threads.virtual.enabled, else a
     * pool of platform threads, daemon so a stopping service never waits on idle ones.
     */
    @Bean(name = ConcurrentStage.LISTENER_SETUP, destroyMethod = "")
    ConcurrentStage concurrentStage(DeadLetterRecoverer recoverer, PipelineKafkaProperties properties,
                                    Environment environment) {
        int bound = properties.maxInFlight();
        ExecutorService threads;
        if (Threading.VIRTUAL.isActive(environment)) {
            threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("stage-", 1).factory());
        } else {
            var threadFactory = new CustomizableThreadFactory("stage-");
            threadFactory.setDaemon(true);
            var pool = new ThreadPoolExecutor(bound, bound, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    threadFactory);
            pool.allowCoreThreadTimeOut(true);
            threads = pool;
        }
        return new ConcurrentStage(bound, threads, recoverer, retryBackOff(properties),
                PipelineKafkaAutoConfiguration::retryable);
    }
}
