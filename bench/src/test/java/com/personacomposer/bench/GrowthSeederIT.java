package com.personacomposer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.personacomposer.devstack.Infrastructure;
import com.personacomposer.devstack.mongo.MongoWireServer;
import com.personacomposer.devstack.s3.S3Server;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Date;
import java.util.List;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The growth benchmark's seed, read back: how many personas and images, in what order, and idempotent. That
 * persona-service reads it as its own is GrowthSeedContractIT's part (system-tests).
 */
class GrowthSeederIT {

    private static MongoWireServer mongo;
    private static S3Server s3Server;
    private static MongoClient client;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        mongo = MongoWireServer.inMemory(0);
        s3Server = S3Server.transientStore(0);
        client = MongoClients.create(mongo.connectionString());
        s3 = S3Client.builder().endpointOverride(URI.create(s3Server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Infrastructure.ACCESS_KEY, Infrastructure.SECRET_KEY)))
                .forcePathStyle(true).build();
    }

    @AfterAll
    static void stop() {
        s3.close();
        client.close();
        s3Server.close();
        mongo.close();
    }

    @Test
    void seedsPersonasAndImagesInTheServicesLayoutAndOnlyOnce() throws Exception {
        MongoDatabase database = client.getDatabase("growth-" + System.nanoTime());
        GrowthSeeder seeder = new GrowthSeeder(database, s3, Infrastructure.BUCKET);
        MongoCollection<Document> personas = database.getCollection("personas");
        MongoCollection<Document> images = database.getCollection("images");

        assertThat(seeder.seedGallery()).isEqualTo(GrowthSeeder.GALLERY_SIZE);
        assertThat(seeder.seedImagesPersona(3)).isEqualTo(3);
        assertThat(seeder.seedListPersonas(1_100)).isEqualTo(1_100);

        assertThat(personas.countDocuments()).isEqualTo(GrowthSeeder.GALLERY_SIZE + 1 + 1_100);
        assertThat(images.countDocuments()).isEqualTo(GrowthSeeder.GALLERY_SIZE + 3 + 1_100);

        Document persona = personas.find(Filters.eq("slug", "bench-images-000003")).first();
        assertThat(persona).isNotNull();
        assertThat(persona.get("_id")).isInstanceOf(ObjectId.class);
        assertThat(persona.getString("key")).isEqualTo("bench images 000003");
        assertThat(persona.getString("name")).isEqualTo("Bench Images 000003");
        assertThat(persona.get("createdAt")).isInstanceOf(Date.class);
        assertThat(persona.get("imageCount")).isEqualTo(3);
        List<Document> own = images.find(Filters.eq("personaKey", "bench images 000003"))
                .sort(Sorts.ascending("createdAt", "_id")).into(new java.util.ArrayList<>());
        assertThat(own).hasSize(3);
        assertThat(own).extracting(i -> i.getDate("createdAt")).isSorted().doesNotHaveDuplicates();
        Document newest = own.get(2);
        assertThat(persona.getDate("updatedAt")).isEqualTo(newest.getDate("createdAt"));
        assertThat(persona.getDate("createdAt")).isEqualTo(own.get(0).getDate("createdAt"));
        assertThat(persona.get("cover", Document.class)).containsEntry("imageId", newest.getString("_id"))
                .containsEntry("s3Key", newest.getString("s3Key")).containsEntry("motto", newest.getString("motto"));
        assertThat(newest.getString("_id")).matches("[0-9a-f-]{36}");
        assertThat(newest.getString("s3Key")).matches("persona-generations/bench-images-000003/[0-9a-f-]{36}\\.png")
                .contains(newest.getString("requestId"));
        assertThat(newest.getString("thumbnailKey")).isEqualTo(newest.getString("s3Key").replace(".png", ".thumb.jpg"));
        assertThat(newest.get("upvotes")).isEqualTo(1);
        assertThat(newest.get("downvotes")).isEqualTo(0);
        assertThat(images.distinct("requestId", String.class).into(new java.util.ArrayList<>()))
                .hasSize(GrowthSeeder.GALLERY_SIZE + 3 + 1_100);

        // The list's first page is the gallery: newest first, each cover's original in S3 at provider size.
        List<Document> firstPage = personas.find().sort(Sorts.descending("updatedAt")).limit(20).into(new java.util.ArrayList<>());
        assertThat(firstPage).extracting(p -> p.getString("slug")).allMatch(slug -> slug.startsWith("bench-gallery-"));
        Document cover = firstPage.get(0).get("cover", Document.class);
        assertThat(cover.getString("thumbnailKey")).isNull();
        ResponseBytes<GetObjectResponse> original = s3.getObjectAsBytes(get -> get.bucket(Infrastructure.BUCKET)
                .key(cover.getString("s3Key")));
        assertThat(original.response().contentType()).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(original.asByteArray()));
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(1024);

        // Every 40th list persona carries the search word.
        assertThat(personas.countDocuments(Filters.regex("name", "amber", "i"))).isEqualTo(1_100 / 40 + 1);

        // Seeding again adds nothing; a larger N adds only the difference.
        assertThat(seeder.seedGallery()).isZero();
        assertThat(seeder.seedImagesPersona(3)).isZero();
        assertThat(seeder.seedListPersonas(1_100)).isZero();
        assertThat(seeder.seedListPersonas(1_300)).isEqualTo(200);
        assertThat(personas.countDocuments()).isEqualTo(GrowthSeeder.GALLERY_SIZE + 1 + 1_300);
    }

    @Test
    void coverUrlsAreReadFromAListPage() {
        String page = "{\"items\":[{\"name\":\"A\",\"coverUrl\":\"http://127.0.0.1:9000/b/k.thumb.jpg?X-Amz-Date=1\\u0026X-Amz-Signature=ab\"},"
                + "{\"name\":\"B\",\"coverUrl\":null}],\"page\":0}";

        assertThat(Growth.coverUrls(page)).containsExactly("http://127.0.0.1:9000/b/k.thumb.jpg?X-Amz-Date=1&X-Amz-Signature=ab");
    }
}
