package com.personacomposer.gateway.apidocs;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.ExchangeResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks real HTTP exchanges against the served OpenAPI document: the path and method must be documented, the status
 * too (or its range, such as 5XX), the content type among the documented ones, the body valid against its schema
 * (JSON Schema 2020-12 with the OpenAPI 3.1 dialect, formats asserted), and each documented header present when
 * required and valid when present. Server-sent events are checked event by event against {@code x-events}.
 * Remembers which operations and statuses it has seen, so a test can tell what was left unchecked.
 */
public final class OpenApiContract {

    /** The document as the gateway serves it; the schemas' {@code $ref}s resolve against it. */
    private static final String DOCUMENT = "classpath:" + ApiDocument.LOCATION;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode document;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    public static OpenApiContract load() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(ApiDocument.LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(ApiDocument.LOCATION + " is not on the classpath");
            }
            return new OpenApiContract(YAMLMapper.builder().build().readTree(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Every documented operation, as "METHOD /path/template". */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** What was checked so far, as "METHOD /path/template STATUS" (the documented status key, such as 5XX). */
    public Set<String> seen() {
        return new TreeSet<>(seen);
    }

    /** Fails with every way the response differs from the document. */
    public void assertResponse(String method, String rawPath, int status, HttpHeaders headers, byte[] body) {
        List<String> problems = checkResponse(method, rawPath, status, headers, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + rawPath + " -> " + status + " does not match the OpenAPI document:\n  "
                    + String.join("\n  ", problems) + "\nbody: " + text(body));
        }
    }

    /** {@link #assertResponse(String, String, int, HttpHeaders, byte[])} for an exchange a WebTestClient made. */
    public void assertResponse(ExchangeResult exchange) {
        assertResponse(exchange.getMethod().name(), exchange.getUrl().getRawPath(), exchange.getStatus().value(),
                exchange.getResponseHeaders(), exchange.getResponseBodyContent());
    }

    /** Fails unless the document accepts this request body. */
    public void assertRequestBody(String method, String rawPath, MediaType contentType, String body) {
        Operation operation = operation(method, rawPath)
                .orElseThrow(() -> new AssertionError(method + " " + rawPath + " is not documented"));
        JsonNode media = resolve(operation.node().path("requestBody")).path("content").path(contentType.getType() + "/"
                + contentType.getSubtype());
        if (media.isMissingNode()) {
            throw new AssertionError(method + " " + rawPath + " documents no request body of type " + contentType);
        }
        List<String> problems = new ArrayList<>();
        validate(media.path("schema"), JSON.readTree(body), "request body", problems);
        if (!problems.isEmpty()) {
            throw new AssertionError("request body of " + method + " " + rawPath + " does not match:\n  "
                    + String.join("\n  ", problems));
        }
    }

    List<String> checkResponse(String method, String rawPath, int status, HttpHeaders headers, byte[] body) {
        List<String> problems = new ArrayList<>();
        Optional<Operation> found = operation(method, rawPath);
        if (found.isEmpty()) {
            problems.add("no documented operation " + method + " for " + rawPath);
            return problems;
        }
        Operation operation = found.get();
        JsonNode responses = operation.node().path("responses");
        String key = responses.has(Integer.toString(status)) ? Integer.toString(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX" : "default";
        if (!responses.has(key)) {
            problems.add("status " + status + " is not documented (documented: " + responses.propertyNames() + ")");
            return problems;
        }
        seen.add(operation.name() + " " + key);
        JsonNode response = resolve(responses.path(key));
        checkHeaders(response.path("headers"), headers, problems);
        checkContent(response.path("content"), headers.getContentType(), body, problems);
        return problems;
    }

    private void checkHeaders(JsonNode documented, HttpHeaders headers, List<String> problems) {
        for (Map.Entry<String, JsonNode> entry : documented.properties()) {
            JsonNode header = resolve(entry.getValue());
            String value = headers.getFirst(entry.getKey());
            if (value == null) {
                if (header.path("required").asBoolean(false)) {
                    problems.add("required header " + entry.getKey() + " is missing");
                }
                continue;
            }
            JsonNode schema = header.path("schema");
            JsonNode instance = "integer".equals(resolve(schema).path("type").asString(""))
                    && value.matches("-?\\d{1,18}") ? JsonNodeFactory.instance.numberNode(Long.parseLong(value))
                    : JsonNodeFactory.instance.stringNode(value);
            validate(schema, instance, "header " + entry.getKey(), problems);
        }
    }

    private void checkContent(JsonNode content, MediaType contentType, byte[] body, List<String> problems) {
        boolean empty = body == null || body.length == 0;
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                problems.add("a body was sent where the document has none");
            }
            return;
        }
        if (contentType == null) {
            problems.add("no Content-Type (documented: " + content.propertyNames() + ")");
            return;
        }
        String type = contentType.getType() + "/" + contentType.getSubtype();
        JsonNode media = content.path(type);
        if (media.isMissingNode()) {
            problems.add("content type " + type + " is not documented (documented: " + content.propertyNames() + ")");
            return;
        }
        if (MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType)) {
            checkEvents(media.path("x-events"), text(body), problems);
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body == null ? new byte[0] : body);
        } catch (JacksonException notJson) {
            problems.add("the body is not JSON: " + notJson.getOriginalMessage());
            return;
        }
        validate(media.path("schema"), json, "body", problems);
    }

    /** Events are separated by blank lines; comment lines (": keep-alive") are no events. */
    private void checkEvents(JsonNode documented, String stream, List<String> problems) {
        int count = 0;
        for (String block : stream.split("\\r?\\n\\r?\\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            boolean any = false;
            for (String line : block.split("\\r?\\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                    any = true;
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            count++;
            if (!documented.has(name)) {
                problems.add("event '" + name + "' is not documented (documented: " + documented.propertyNames() + ")");
                continue;
            }
            try {
                validate(documented.path(name), JSON.readTree(data.toString()), "event '" + name + "' data", problems);
            } catch (JacksonException notJson) {
                problems.add("event '" + name + "' data is not JSON: " + data);
            }
        }
        if (count == 0) {
            problems.add("the event stream has no event");
        }
    }

    void validate(JsonNode schemaNode, JsonNode instance, String what, List<String> problems) {
        Schema schema = compiled.computeIfAbsent(schemaNode.toString(), this::compile);
        for (Error error : schema.validate(instance)) {
            problems.add(what + ": " + error.getMessage());
        }
    }

    /** The schema with its local references made to point into the document, so they resolve from anywhere. */
    private Schema compile(String schemaJson) {
        return schemas.getSchema(schemaJson.replace("\"$ref\":\"#/", "\"$ref\":\"" + DOCUMENT + "#/"));
    }

    /** A document object, following a {@code $ref} (to components) if it is one. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.path("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are expected: " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private Optional<Operation> operation(String method, String rawPath) {
        String path = rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
        for (Map.Entry<String, JsonNode> entry : document.path("paths").properties()) {
            if (template(entry.getKey()).matcher(path).matches()) {
                JsonNode operation = entry.getValue().path(method.toLowerCase(Locale.ROOT));
                if (!operation.isMissingNode()) {
                    return Optional.of(new Operation(method.toUpperCase(Locale.ROOT) + " " + entry.getKey(), operation));
                }
            }
        }
        return Optional.empty();
    }

    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private record Operation(String name, JsonNode node) {
    }
}
