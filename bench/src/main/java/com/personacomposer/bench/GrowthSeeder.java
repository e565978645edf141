package com.personacomposer.bench;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.bson.types.ObjectId;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes personas and images straight into MongoDB in persona-service's own layout (collections {@code personas} and
 * {@code images}), so that a growth benchmark does not have to create 100,000 personas through the pipeline.
 * system-tests' GrowthSeedContractIT holds what it writes to persona-service's reading of it.
 * Everything it writes is named "Bench ..." with ids derived from the name, so seeding again (or to a larger N) adds
 * only what is missing. S3 objects are written only where a read fetches them: the originals of the
 * {@link #GALLERY_SIZE} newest personas, whose covers the gallery's first view loads.
 *
 * <ul>
 *   <li>{@code Bench <Word> 000123}: N list personas, one image each, updated one minute apart (older as i grows);</li>
 *   <li>{@code Bench Gallery 07}: the {@link #GALLERY_SIZE} newest personas, one 1024 px PNG each, in S3; no thumbnail
 *       key (storage-service back-fills the thumbnails, persona-service derives their key);</li>
 *   <li>{@code Bench Images 005000}: one persona with M images, older than every list persona.</li>
 * </ul>
 */
final class GrowthSeeder {

    static final int GALLERY_SIZE = 20;
    /** Names of list personas carry one of these words; searching one finds every 40th persona. */
    static final List<String> WORDS = List.of("amber", "birch", "cobalt", "dune", "ember", "fjord", "garnet", "harbor",
            "indigo", "juniper", "kestrel", "lagoon", "marble", "nimbus", "onyx", "prairie", "quartz", "raven", "saffron",
            "tundra", "umber", "velvet", "willow", "xenon", "yarrow", "zephyr", "alder", "basalt", "cedar", "delta",
            "eagle", "fennel", "glacier", "hazel", "iris", "jasper", "kelp", "lotus", "meadow", "nectar");
    static final Instant BASE = Instant.parse("2026-06-01T00:00:00Z");

    private static final int BATCH = 1_000;
    private static final String PREFIX = "persona-generations/";

    private final MongoCollection<Document> personas;
    private final MongoCollection<Document> images;
    private final S3Client s3;
    private final String bucket;

    GrowthSeeder(MongoDatabase database, S3Client s3, String bucket) {
        this.personas = database.getCollection("personas");
        this.images = database.getCollection("images");
        this.s3 = s3;
        this.bucket = bucket;
    }

    static String listName(int i) {
        return String.format(Locale.ROOT, "Bench %s %06d", capitalised(WORDS.get(i % WORDS.size())), i);
    }

    /** Of one width for every M, so that answers for different M differ only in what M changes. */
    static String imagesName(int m) {
        return String.format(Locale.ROOT, "Bench Images %06d", m);
    }

    static String galleryName(int k) {
        return String.format(Locale.ROOT, "Bench Gallery %02d", k);
    }

    /** The slug persona-service gives a name made of words separated by single spaces. */
    static String slugOf(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** Makes sure list personas 0..n-1 exist; returns how many it added. */
    int seedListPersonas(int n) {
        return seedBatches(n, i -> new Seed(listName(i), BASE.minus(Duration.ofMinutes(i + 1L)), 1, false));
    }

    /** Makes sure the persona with m images exists; returns how many images it added. */
    int seedImagesPersona(int m) {
        Instant first = BASE.minus(Duration.ofDays(365)).plusSeconds(m);
        return seed(new Seed(imagesName(m), first, m, false));
    }

    /** Makes sure the gallery personas exist with their originals in S3; returns how many it added. */
    int seedGallery() {
        byte[] png = null;
        int added = 0;
        for (int k = 0; k < GALLERY_SIZE; k++) {
            Seed seed = new Seed(galleryName(k), BASE.plusSeconds(k + 1L), 1, true);
            if (seed(seed) > 0) {
                png = png == null ? providerSizedPng() : png;
                String key = s3Key(seed.slug(), requestId(seed.slug(), 0));
                byte[] body = png;
                s3.putObject(put -> put.bucket(bucket).key(key).contentType("image/png"), RequestBody.fromBytes(body));
                added++;
            }
        }
        return added;
    }

    private record Seed(String name, Instant newestImageAt, int imageCount, boolean withoutThumbnail) {

        String key() {
            return name.toLowerCase(Locale.ROOT);
        }

        String slug() {
            return slugOf(name);
        }
    }

    private int seedBatches(int n, IntFunction<Seed> seedOf) {
        int added = 0;
        for (int start = 0; start < n; start += BATCH) {
            int end = Math.min(n, start + BATCH);
            if (exists(seedOf.apply(end - 1)) && exists(seedOf.apply(start))) {
                continue;
            }
            List<Document> personaBatch = new ArrayList<>();
            List<Document> imageBatch = new ArrayList<>();
            for (int i = start; i < end; i++) {
                Seed seed = seedOf.apply(i);
                List<Document> seedImages = imagesOf(seed);
                imageBatch.addAll(seedImages);
                personaBatch.add(personaOf(seed, seedImages.get(seedImages.size() - 1)));
            }
            insertMissing(images, imageBatch);
            added += insertMissing(personas, personaBatch);
        }
        return added;
    }

    private int seed(Seed seed) {
        if (exists(seed)) {
            return 0;
        }
        List<Document> seedImages = imagesOf(seed);
        for (int from = 0; from < seedImages.size(); from += BATCH) {
            insertMissing(images, seedImages.subList(from, Math.min(seedImages.size(), from + BATCH)));
        }
        insertMissing(personas, List.of(personaOf(seed, seedImages.get(seedImages.size() - 1))));
        return seedImages.size();
    }

    private boolean exists(Seed seed) {
        return personas.find(Filters.eq("key", seed.key())).projection(new Document("_id", 1)).first() != null;
    }

    /** Inserts, skipping documents already there (a seed interrupted half-way is completed by the next run). */
    private static int insertMissing(MongoCollection<Document> collection, List<Document> documents) {
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            return documents.size();
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
            return documents.size() - e.getWriteErrors().size();
        }
    }

    /** The persona's images, oldest first, one second apart, the newest at {@code newestImageAt}. */
    private static List<Document> imagesOf(Seed seed) {
        List<Document> list = new ArrayList<>(seed.imageCount());
        for (int j = 0; j < seed.imageCount(); j++) {
            String requestId = requestId(seed.slug(), j);
            String s3Key = s3Key(seed.slug(), requestId);
            Instant createdAt = seed.newestImageAt().minusSeconds(seed.imageCount() - 1L - j);
            list.add(new Document("_id", uuid("image", seed.slug(), j))
                    .append("personaKey", seed.key())
                    .append("requestId", requestId)
                    .append("s3Key", s3Key)
                    .append("contentType", "image/png")
                    .append("thumbnailKey", seed.withoutThumbnail() ? null : thumbnailKeyOf(s3Key))
                    .append("thumbnailContentType", seed.withoutThumbnail() ? null : "image/jpeg")
                    .append("model", "local")
                    .append("description", "seeded for the growth benchmark, image " + j)
                    .append("mottoTone", "neutral")
                    .append("motto", "Growth is measured, not guessed.")
                    .append("revisedPrompt", null)
                    .append("upvotes", 1)
                    .append("downvotes", 0)
                    .append("createdAt", Date.from(createdAt))
                    .append("createdBy", null));
        }
        return list;
    }

    private static Document personaOf(Seed seed, Document newest) {
        Instant createdAt = newest.getDate("createdAt").toInstant().minusSeconds(seed.imageCount() - 1L);
        return new Document("_id", objectId(createdAt, seed.key()))
                .append("key", seed.key())
                .append("slug", seed.slug())
                .append("name", seed.name())
                .append("createdAt", Date.from(createdAt))
                .append("updatedAt", newest.getDate("createdAt"))
                .append("imageCount", seed.imageCount())
                .append("cover", new Document("imageId", newest.getString("_id"))
                        .append("s3Key", newest.getString("s3Key"))
                        .append("thumbnailKey", newest.getString("thumbnailKey"))
                        .append("motto", newest.getString("motto"))
                        .append("mottoTone", newest.getString("mottoTone")));
    }

    /** An ObjectId that is the same in every run: its time, then eight bytes derived from the persona's key. */
    private static ObjectId objectId(Instant createdAt, String key) {
        ByteBuffer bytes = ByteBuffer.allocate(12);
        bytes.putInt((int) createdAt.getEpochSecond());
        bytes.putLong(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getLeastSignificantBits());
        return new ObjectId(bytes.array());
    }

    private static String requestId(String slug, int j) {
        return uuid("request", slug, j);
    }

    private static String uuid(String kind, String slug, int j) {
        return UUID.nameUUIDFromBytes((kind + "/" + slug + "/" + j).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String s3Key(String slug, String requestId) {
        return PREFIX + slug + "/" + requestId + ".png";
    }

    /** The thumbnail's conventional key: the original's with its extension replaced by .thumb.jpg. */
    static String thumbnailKeyOf(String s3Key) {
        return s3Key.substring(0, s3Key.lastIndexOf('.')) + ".thumb.jpg";
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * A 1024x1024 PNG that weighs about what a provider's does (smooth colour fields with grain: 1.5-2 MB),
     * so that the gallery's bytes reflect thumbnails of provider-sized originals.
     */
    static byte[] providerSizedPng() {
        int side = 1024;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random grain = new Random(1024);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int r = clamp(80 + x * 150 / side + grain.nextInt(24));
                int g = clamp(60 + y * 120 / side + grain.nextInt(24));
                int b = clamp(140 + (x + y) * 90 / (2 * side) + grain.nextInt(24));
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
