package com.personacomposer.devstack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.Assertions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** What every infrastructure must do for the services, checked with the real client libraries. */
abstract class InfrastructureContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    abstract Infrastructure infrastructure();

    @Test
    void kafkaDeliversWhatWasProducedInOrderPerKey() {
        String topic = "contract-" + UUID.randomUUID();
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "zoë", "event-" + i));
            }
            producer.flush();
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contract",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 5 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(record.key()).isEqualTo("zoë");
                    values.add(record.value());
                }
            }
            assertThat(values).containsExactly("event-0", "event-1", "event-2", "event-3", "event-4");
        }
    }

    @Test
    void mongoEnforcesUniqueIndexesAndUpserts() {
        try (MongoClient client = MongoClients.create(infrastructure().mongoUri())) {
            MongoCollection<Document> personas = client.getDatabase("contract").getCollection("personas-" + UUID.randomUUID());
            personas.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));

            personas.updateOne(new Document("key", "zoë"), Updates.combine(
                    Updates.setOnInsert("name", "Zoë"), Updates.push("images", "a")), new UpdateOptions().upsert(true));
            personas.updateOne(new Document("key", "zoë"), Updates.push("images", "b"), new UpdateOptions().upsert(true));

            Document zoe = personas.find(new Document("key", "zoë")).first();
            assertThat(zoe).isNotNull();
            assertThat(zoe.getList("images", String.class)).containsExactly("a", "b");
            MongoWriteException duplicate = Assertions.catchThrowableOfType(MongoWriteException.class,
                    () -> personas.insertOne(new Document("key", "zoë")));
            assertThat(ErrorCategory.fromErrorCode(duplicate.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY);
        }
    }

    @Test
    void mongoAppliesConditionalUpdatesOnlyWhereEveryConditionHolds() {
        try (MongoClient client = MongoClients.create(infrastructure().mongoUri())) {
            MongoCollection<Document> requests = client.getDatabase("contract").getCollection("requests-" + UUID.randomUUID());
            for (int i = 0; i < 20; i++) {
                requests.insertOne(new Document("_id", "r" + i).append("status", i % 2 == 0 ? "PENDING" : "COMPLETED")
                        .append("personaName", null));
            }

            assertThat(requests.updateOne(and(eq("_id", "r2"), eq("status", "PENDING")), set("status", "FAILED"))
                    .getModifiedCount()).isEqualTo(1);
            assertThat(requests.updateOne(and(eq("_id", "r3"), eq("status", "PENDING")), set("status", "FAILED"))
                    .getMatchedCount()).isZero();
            assertThat(requests.updateOne(new Document("_id", "r4").append("personaName", null), set("personaName", "Zoë"))
                    .getModifiedCount()).isEqualTo(1);
            assertThat(requests.updateOne(new Document("_id", "r4").append("personaName", null), set("personaName", "Bo"))
                    .getMatchedCount()).isZero();
            Document completed = requests.findOneAndUpdate(and(eq("_id", "r6"), ne("status", "COMPLETED")),
                    set("status", "COMPLETED"), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));

            assertThat(completed).containsEntry("_id", "r6").containsEntry("status", "COMPLETED");
            assertThat(requests.find(eq("status", "FAILED")).map(d -> d.getString("_id"))).containsExactly("r2");
            assertThat(requests.find(eq("personaName", "Zoë")).map(d -> d.getString("_id"))).containsExactly("r4");
            assertThat(requests.countDocuments(eq("status", "PENDING"))).isEqualTo(8);
        }
    }

    @Test
    void s3StoresContentTypeAndServesPresignedUrlsUntilTheyExpire() throws Exception {
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(Infrastructure.ACCESS_KEY, Infrastructure.SECRET_KEY));
        URI endpoint = URI.create(infrastructure().s3Endpoint());
        String key = "persona-generations/contract/" + UUID.randomUUID() + ".png";
        byte[] bytes = "\u0089PNG not really".getBytes(StandardCharsets.ISO_8859_1);
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).forcePathStyle(true).build();
             S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                     .credentialsProvider(credentials)
                     .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            s3.putObject(put -> put.bucket(Infrastructure.BUCKET).key(key).contentType("image/png"),
                    RequestBody.fromBytes(bytes));

            URI url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofSeconds(60))
                    .getObjectRequest(get -> get.bucket(Infrastructure.BUCKET).key(key))).url().toURI();
            HttpResponse<byte[]> fetched = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(fetched.body()).isEqualTo(bytes);
            assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/png");

            URI tampered = URI.create(url.toString().replace("X-Amz-Signature=", "X-Amz-Signature=0"));
            assertThat(HTTP.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(403);

            URI shortLived = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofSeconds(1))
                    .getObjectRequest(get -> get.bucket(Infrastructure.BUCKET).key(key))).url().toURI();
            Thread.sleep(2_100);
            assertThat(HTTP.send(HttpRequest.newBuilder(shortLived).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(403);
        }
    }
}
