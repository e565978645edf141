package com.personacomposer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;
import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.mongo.MongoWireServer;
import com.personacomposer.devstack.s3.S3Server;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * bench growth end to end against a stub of the read API (shaped like persona-service's: a list page whose covers
 * are presigned S3 URLs) on the devstack's MongoDB and S3: it seeds, times every reading and weighs the gallery.
 */
class GrowthBenchIT {

    @Test
    void seedsTimesEveryReadingAndWeighsTheGallery() throws Exception {
        try (MongoWireServer mongo = MongoWireServer.inMemory(0);
             S3Server s3 = S3Server.transientStore(0);
             MongoClient client = MongoClients.create(mongo.connectionString());
             S3Presigner presigner = S3Presigner.builder().endpointOverride(URI.create(s3.endpoint()))
                     .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create(Infrastructure.ACCESS_KEY, Infrastructure.SECRET_KEY)))
                     .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            api.createContext("/api/personas", exchange -> answer(exchange, exchange.getRequestURI().getPath()
                    .equals("/api/personas") ? listPage(client, presigner) : "{\"slug\":\"x\",\"images\":[]}"));
            api.start();
            try {
                BenchOptions.GrowthOptions options = new BenchOptions.GrowthOptions(mongo.connectionString(), "personas",
                        s3.endpoint(), Infrastructure.BUCKET, Infrastructure.ACCESS_KEY, Infrastructure.SECRET_KEY,
                        List.of(30, 90), List.of(1, 3), 5, 1, "amber", Duration.ZERO);

                Map<String, Object> figures = new Growth(options, "http://127.0.0.1:" + api.getAddress().getPort(),
                        HttpClient.newHttpClient()).run();

                assertThat(figures).containsKeys("n30.list.p50Ms", "n30.list.p95Ms", "n90.search.p50Ms", "m1.page.p50Ms",
                        "m3.page.p95Ms", "seedSeconds", "n90.seedSeconds");
                assertThat(figures).containsEntry("n30.list.failures", 0).containsEntry("m3.page.failures", 0)
                        .containsEntry("images3.seeded", 3);
                assertThat((double) figures.get("n90.list.p50Ms")).isPositive();
                assertThat((long) figures.get("n90.list.bytes")).isPositive();
                long png = GrowthSeeder.providerSizedPng().length;
                assertThat(png).as("a provider-sized original").isBetween(1_000_000L, 3_500_000L);
                assertThat(figures).containsEntry("gallery.covers", 20).containsEntry("gallery.coversMissing", 0)
                        .containsEntry("gallery.imageBytes", 20 * png)
                        .containsEntry("gallery.covers2xMissing", 0).containsEntry("gallery.image2xBytes", 20 * png);
                assertThat(client.getDatabase("personas").getCollection("personas").countDocuments())
                        .isEqualTo(GrowthSeeder.GALLERY_SIZE + 2 + 90);
            } finally {
                api.stop(0);
            }
        }
    }

    /** The newest 20 personas with their covers' originals presigned (the stub's stand-in for both thumbnails). */
    private static String listPage(MongoClient client, S3Presigner presigner) {
        List<Document> newest = client.getDatabase("personas").getCollection("personas").find()
                .sort(Sorts.descending("updatedAt")).limit(20).into(new java.util.ArrayList<>());
        return newest.stream().map(persona -> {
            String key = persona.get("cover", Document.class).getString("s3Key");
            String url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofSeconds(60))
                    .getObjectRequest(get -> get.bucket(Infrastructure.BUCKET).key(key))).url().toString();
            return "{\"slug\":\"" + persona.getString("slug") + "\",\"coverUrl\":\"" + url + "\",\"cover2xUrl\":\""
                    + url + "\"}";
        }).collect(Collectors.joining(",", "{\"items\":[", "],\"page\":0,\"size\":20}"));
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
