package com.personacomposer.persona;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.MottoTone;
import com.personacomposer.events.PersonaRequested;
import com.personacomposer.events.naming.PersonaName;
import java.util.Map;
import java.util.UUID;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The read API, votes and the gateway's internal recording of requests, over HTTP. */
class PersonaApiIT extends ServiceTestSupport {

    @Autowired
    MongoDatabase database;

    @Test
    void eachVoterHasOneVoteThatCanBeChangedOrWithdrawn() {
        PersonaRequested requested = createImage(unique("Voted Vera"), "", MottoTone.NEUTRAL, "Count me.");
        String slug = Pipeline.segment(requested.slug());
        String imageId = pipeline.get("/api/personas/" + slug).json().path("images").get(0).path("id").asString();
        String votes = "/api/personas/" + slug + "/images/" + imageId + "/votes";
        Map<String, String> alice = Map.of("X-Persona-Principal", "user:alice-sub");
        Map<String, String> anonymousClient = Map.of("X-Persona-Voter", "anon:0123456789abcdef");

        pipeline.post(votes, Map.of("direction", "up"), alice);
        pipeline.post(votes, Map.of("direction", "up"), alice);
        pipeline.post(votes, Map.of("direction", "up"), anonymousClient);
        Pipeline.Response moved = pipeline.post(votes, Map.of("direction", "down"), alice);

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json()).isEqualTo(Pipeline.JSON.readTree(
                "{\"imageId\":\"" + imageId + "\",\"upvotes\":2,\"downvotes\":1,\"myVote\":\"down\"}"));
        JsonNode image = pipeline.get("/api/personas/" + slug).json().path("images").get(0);
        assertThat(image.path("upvotes").asLong()).isEqualTo(2);
        assertThat(image.path("downvotes").asLong()).isEqualTo(1);
        Pipeline.Response withdrawn = pipeline.delete(votes, alice);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("downvotes").asLong()).isZero();
        assertThat(withdrawn.json().path("myVote").isNull()).isTrue();

        Pipeline.Response nobody = pipeline.post(votes, Map.of("direction", "up"));
        assertProblem(nobody, 401);
        Pipeline.Response sideways = pipeline.post(votes, Map.of("direction", "sideways"), alice);
        assertProblem(sideways, 400);
        assertThat(sideways.json().path("errors").get(0).path("field").asString()).isEqualTo("direction");
        assertProblem(pipeline.post(votes, Map.of(), alice), 400);
        assertProblem(pipeline.post("/api/personas/" + slug + "/images/" + UUID.randomUUID() + "/votes",
                Map.of("direction", "up"), alice), 404);
        assertProblem(pipeline.post("/api/personas/nobody-" + UUID.randomUUID() + "/images/" + imageId + "/votes",
                Map.of("direction", "up"), alice), 404);
    }

    @Test
    void theListMatchesNamesLiterallyAndPagesFromTheNewest() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        PersonaRequested first = createImage("Lister " + token + " Ann", "", MottoTone.NEUTRAL, "Ann's motto.");
        createImage("Lister " + token + " Bob", "", MottoTone.NEUTRAL, "Bob's motto.");
        PersonaRequested third = createImage("Lister " + token + " Cy", "cy", MottoTone.SOMBRE, "Cy's motto.");

        JsonNode page0 = pipeline.get("/api/personas?size=2&q=" + Pipeline.segment("LISTER  " + token)).json();
        assertThat(page0.path("page").asInt()).isZero();
        assertThat(page0.path("size").asInt()).isEqualTo(2);
        assertThat(page0.path("items")).extracting(item -> item.path("name").asString())
                .containsExactly("Lister " + token + " Cy", "Lister " + token + " Bob");
        JsonNode newest = page0.path("items").get(0);
        assertThat(newest.path("slug").asString()).isEqualTo(third.slug());
        assertThat(newest.path("motto").asString()).isEqualTo("Cy's motto.");
        assertThat(newest.path("mottoTone").asString()).isEqualTo("sombre");
        assertThat(newest.path("imageCount").asInt()).isEqualTo(1);
        assertThat(newest.path("updatedAt").asString()).isNotBlank();
        assertThat(pipeline.fetch(newest.path("coverUrl").asString()).statusCode()).isEqualTo(200);

        // The next page's link keeps the query as given (spaces and case included).
        JsonNode page1 = pipeline.get(page0.path("next").asString()).json();
        assertThat(page1.path("page").asInt()).isEqualTo(1);
        assertThat(page1.path("items")).extracting(item -> item.path("slug").asString()).containsExactly(first.slug());
        assertThat(page1.path("next").isNull()).isTrue();

        assertThat(pipeline.get("/api/personas?q=" + Pipeline.segment(".*")).json().path("items")).isEmpty();
        assertThat(pipeline.get("/api/personas?q=" + Pipeline.segment("{\"$gt\":\"\"}")).json().path("items"))
                .isEmpty();
        assertThat(pipeline.get("/api/personas?q=" + Pipeline.segment(token + " [a-z]")).json().path("items"))
                .isEmpty();
        assertThat(pipeline.get("/api/personas").json().path("size").asInt()).isEqualTo(20);
    }

    @Test
    void aPersonasImagesArePagedOldestFirstWithThumbnailsAndACursorToTheNextPage() throws Exception {
        String name = unique("Paged Pia");
        PersonaRequested first = createImage(name, "one", MottoTone.NEUTRAL, "One.");
        PersonaRequested second = createImage(name, "two", MottoTone.NEUTRAL, "Two.");
        PersonaRequested third = createImage(name, "three", MottoTone.NEUTRAL, "Three.");
        String persona = "/api/personas/" + Pipeline.segment(first.slug());

        JsonNode firstPage = pipeline.get(persona + "?limit=2").json();

        assertThat(firstPage.path("imageCount").asLong()).isEqualTo(3);
        assertThat(firstPage.path("images")).extracting(image -> image.path("requestId").asString())
                .containsExactly(first.requestId().toString(), second.requestId().toString());
        JsonNode image = firstPage.path("images").get(0);
        var thumbnail = pipeline.fetch(image.path("thumbnailUrl").asString());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(pipeline.fetch(image.path("url").asString()).headers().firstValue("Content-Type"))
                .hasValue("image/png");
        String next = firstPage.path("nextImages").asString();
        assertThat(next).isEqualTo(persona + "/images?after="
                + firstPage.path("images").get(1).path("id").asString() + "&limit=2");

        createImage(name, "four", MottoTone.NEUTRAL, "Four.");
        JsonNode secondPage = pipeline.get(next).json();
        assertThat(secondPage.path("items")).extracting(item -> item.path("requestId").asString())
                .as("an image appended meanwhile comes after the cursor")
                .startsWith(third.requestId().toString()).hasSize(2);
        JsonNode afterTheLast = pipeline.get(secondPage.path("next").asString()).json();
        assertThat(afterTheLast.path("items")).as("a full page links on even when nothing follows").isEmpty();
        assertThat(afterTheLast.path("next").isNull()).isTrue();

        JsonNode whole = pipeline.get(persona).json();
        assertThat(whole.path("images")).hasSize(4);
        assertThat(whole.path("nextImages").isNull()).isTrue();
        JsonNode listed = pipeline.get("/api/personas?q=" + Pipeline.segment(name)).json().path("items").get(0);
        assertThat(listed.path("imageCount").asLong()).isEqualTo(4);
        assertThat(listed.path("motto").asString()).isEqualTo("Four.");
        assertThat(pipeline.fetch(listed.path("coverUrl").asString()).headers().firstValue("Content-Type"))
                .hasValue("image/jpeg");
    }

    @Test
    void badImagePagingIsAnsweredWithTheFieldAtFault() {
        PersonaRequested requested = createImage(unique("Limited Liv"), "", MottoTone.NEUTRAL, "Enough.");
        String persona = "/api/personas/" + Pipeline.segment(requested.slug());
        for (String path : new String[] {persona + "?limit=0", persona + "?limit=101", persona + "?limit=many",
                                         persona + "/images?limit=0", persona + "/images?limit=101"}) {
            Pipeline.Response response = pipeline.get(path);
            assertProblem(response, 400);
            assertThat(response.json().path("errors").get(0).path("field").asString()).as(path).isEqualTo("limit");
        }
        Pipeline.Response unknownCursor = pipeline.get(persona + "/images?after=" + UUID.randomUUID());
        assertProblem(unknownCursor, 400);
        assertThat(unknownCursor.json().path("errors").get(0).path("field").asString()).isEqualTo("after");
        assertProblem(pipeline.get("/api/personas/nobody-" + UUID.randomUUID() + "/images"), 404);
    }

    @Test
    void badPagingIsAnsweredWithTheFieldAtFault() {
        for (String query : new String[] {"size=0", "size=101", "page=-1", "page=first"}) {
            Pipeline.Response response = pipeline.get("/api/personas?" + query);
            assertProblem(response, 400);
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .as(query).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void recordingARequestIsIdempotentAndAnIdempotencyKeyAnswersWithTheFirstRequest() {
        UUID requestId = UUID.randomUUID();
        Map<String, Object> body = record(unique("Idem Ida"), "ik-" + UUID.randomUUID());

        Pipeline.Response created = pipeline.put("/internal/requests/" + requestId, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/requests/" + requestId);
        JsonNode status = created.json();
        assertThat(status.path("requestId").asString()).isEqualTo(requestId.toString());
        assertThat(status.path("personaName").asString()).isEqualTo(body.get("personaName"));
        assertThat(status.path("slug").asString()).isEqualTo(body.get("slug"));
        assertThat(status.path("status").asString()).isEqualTo("PENDING");
        assertThat(status.path("stages").path("image").asString()).isEqualTo("PENDING");
        assertThat(status.has("error")).isFalse();

        Pipeline.Response again = pipeline.put("/internal/requests/" + requestId, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("requestId").asString()).isEqualTo(requestId.toString());

        UUID retryId = UUID.randomUUID();
        Pipeline.Response retried = pipeline.put("/internal/requests/" + retryId, body);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("requestId").asString()).isEqualTo(requestId.toString());
        assertProblem(pipeline.get("/api/requests/" + retryId), 404);

        assertThat(pipeline.get("/api/requests/" + requestId).json().path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void theImageRecordsThePrincipalTheGatewayForwarded() {
        UUID requestId = UUID.randomUUID();
        String name = unique("Owned Olive");
        assertThat(pipeline.put("/internal/requests/" + requestId, record(name, null),
                Map.of("X-Persona-Principal", "user:olive-sub")).status()).isEqualTo(201);
        PersonaName persona = PersonaName.of(name);
        PersonaRequested requested = PersonaRequested.of(requestId, persona.key(), persona.displayName(),
                persona.slug(), "", MottoTone.NEUTRAL, com.personacomposer.events.ImageModel.LOCAL);

        pipeline.publish(requested, store(requested, png("owned")), motto(requested, "Mine."));
        awaitStatus(requestId, "COMPLETED");

        assertThat(database.getCollection("images").find(new Document("requestId", requestId.toString())).first()
                .getString("createdBy")).isEqualTo("user:olive-sub");
    }

    @Test
    void anImageIsDeletedByItsCreatorOrAnAdminWithItsObjectsAndVotes() {
        String name = unique("Deleted Dora");
        PersonaRequested first = createOwnedImage(name, "user:dora-sub");
        PersonaRequested second = createOwnedImage(name, "user:dora-sub");
        String persona = "/api/personas/" + Pipeline.segment(first.slug());
        JsonNode images = pipeline.get(persona).json().path("images");
        String firstId = images.get(0).path("id").asString();
        String secondId = images.get(1).path("id").asString();
        String secondKey = database.getCollection("images").find(new Document("_id", secondId)).first()
                .getString("s3Key");
        pipeline.post(persona + "/images/" + secondId + "/votes", Map.of("direction", "down"),
                Map.of("X-Persona-Principal", "user:voter-sub"));

        assertProblem(pipeline.delete(persona + "/images/" + secondId, Map.of()), 401);
        assertProblem(pipeline.delete(persona + "/images/" + secondId,
                Map.of("X-Persona-Principal", "user:stranger-sub")), 403);
        assertProblem(pipeline.delete(persona + "/images/" + UUID.randomUUID(),
                Map.of("X-Persona-Principal", "user:dora-sub")), 404);
        assertThat(pipeline.delete(persona + "/images/" + secondId, Map.of("X-Persona-Principal", "user:dora-sub"))
                .status()).isEqualTo(204);

        JsonNode left = pipeline.get(persona).json();
        assertThat(left.path("imageCount").asLong()).isEqualTo(1);
        assertThat(left.path("images")).extracting(image -> image.path("id").asString()).containsExactly(firstId);
        assertThat(pipeline.get("/api/personas?q=" + Pipeline.segment(name)).json().path("items").get(0)
                .path("motto").asString()).as("the cover moved to the image left").isEqualTo("Mine " + first.requestId());
        assertThat(database.getCollection("votes").countDocuments(new Document("imageId", secondId))).isZero();
        assertThat(objectExists(secondKey)).isFalse();
        assertThat(objectExists(secondKey.replace(".png", ".thumb.jpg"))).isFalse();

        assertThat(pipeline.delete(persona + "/images/" + firstId,
                Map.of("X-Persona-Principal", "user:admin-sub", "X-Persona-Admin", "true")).status()).isEqualTo(204);
        assertProblem(pipeline.get(persona), 404);
    }

    @Test
    void createdByMeListsThePersonasHoldingTheCallersImages() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String owner = "user:owner-" + token;
        PersonaRequested mine = createOwnedImage("Mine " + token + " Max", owner);
        createOwnedImage("Theirs " + token + " Tom", "user:someone-else");
        PersonaRequested shared = createOwnedImage("Shared " + token + " Sue", "user:someone-else");
        createOwnedImage("Shared " + token + " Sue", owner);

        JsonNode listed = pipeline.get("/api/personas?createdBy=me&q=" + token, Map.of("X-Persona-Principal", owner))
                .json();

        assertThat(listed.path("next").isNull()).isTrue();
        assertThat(listed.path("items")).extracting(item -> item.path("slug").asString())
                .containsExactly(shared.slug(), mine.slug());
        assertProblem(pipeline.get("/api/personas?createdBy=me"), 401);
        Pipeline.Response other = pipeline.get("/api/personas?createdBy=bob", Map.of("X-Persona-Principal", owner));
        assertProblem(other, 400);
        assertThat(other.json().path("errors").get(0).path("field").asString()).isEqualTo("createdBy");
    }

    private boolean objectExists(String key) {
        try {
            s3.headObject(head -> head.bucket(s3Properties.bucket()).key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Test
    void unlessPersonaExistsAnExistingPersonaIsAnsweredAndNothingIsRecorded() {
        PersonaRequested existing = createImage(unique("Known Kit"), "", MottoTone.NEUTRAL, "Been here.");
        Map<String, Object> again = record(existing.personaName(), null);
        again.put("unlessPersonaExists", true);
        UUID requestId = UUID.randomUUID();

        Pipeline.Response answered = pipeline.put("/internal/requests/" + requestId, again);

        assertThat(answered.status()).isEqualTo(200);
        String personaPath = "/api/personas/" + Pipeline.segment(existing.slug());
        assertThat(answered.contentLocation()).isEqualTo(personaPath);
        assertThat(answered.json().path("slug").asString()).isEqualTo(existing.slug());
        assertThat(answered.json().path("images")).hasSize(1);
        assertProblem(pipeline.get("/api/requests/" + requestId), 404);

        Map<String, Object> newcomer = record(unique("New Nell"), null);
        newcomer.put("unlessPersonaExists", true);
        Pipeline.Response recorded = pipeline.put("/internal/requests/" + requestId, newcomer);
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.contentLocation()).isNull();
        assertThat(recorded.json().path("status").asString()).isEqualTo("PENDING");

        Map<String, Object> forced = record(existing.personaName(), null);
        UUID forcedId = UUID.randomUUID();
        assertThat(pipeline.put("/internal/requests/" + forcedId, forced).status())
                .as("without the flag a request for an existing persona is recorded (a forced new image)").isEqualTo(201);
    }

    @Test
    void recordingRefusesWhatCannotBeARequest() {
        Map<String, Object> body = record(unique("Wrong Wanda"), null);
        body.put("slug", "user:someone-else");
        Pipeline.Response wrongSlug = pipeline.put("/internal/requests/" + UUID.randomUUID(), body);
        assertProblem(wrongSlug, 400);
        assertThat(wrongSlug.json().path("errors").get(0).path("field").asString()).isEqualTo("slug");

        Map<String, Object> angry = record(unique("Angry Al"), null);
        angry.put("mottoTone", "furious");
        Pipeline.Response badTone = pipeline.put("/internal/requests/" + UUID.randomUUID(), angry);
        assertProblem(badTone, 400);
        assertThat(badTone.json().path("errors").get(0).path("field").asString()).isEqualTo("mottoTone");

        Map<String, Object> nameless = record(unique("Nameless"), null);
        nameless.remove("personaName");
        assertThat(pipeline.put("/internal/requests/" + UUID.randomUUID(), nameless).json().path("errors"))
                .extracting(error -> error.path("field").asString()).contains("personaName");

        assertProblem(pipeline.put("/internal/requests/" + UUID.randomUUID(), "{\"personaKey\":"), 400);
        assertProblem(pipeline.put("/internal/requests/not-a-uuid", record(unique("Bad Id"), null)), 400);
    }

    @Test
    void unknownThingsAreProblemsNotErrors() {
        Pipeline.Response persona = pipeline.get("/api/personas/" + Pipeline.segment("zoë-" + UUID.randomUUID()));
        assertProblem(persona, 404);
        assertThat(persona.json().path("detail").asString()).contains("zoë-");
        assertProblem(pipeline.get("/api/requests/" + UUID.randomUUID()), 404);
        assertProblem(pipeline.get("/api/requests/not-a-request"), 404);
        assertProblem(pipeline.get("/api/nothing-here"), 404);
    }

    @Test
    void healthIsUpWithTheDatabaseAndMetricsAreScraped() {
        Pipeline.Response health = pipeline.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(pipeline.get("/actuator/health/readiness").status()).isEqualTo(200);
        Pipeline.Response metrics = pipeline.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("mongodb_driver_commands_seconds");
    }
}
