package io.wagate.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to one base URL (the gateway or the sandbox), as a user's program would make them. */
final class PublicApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    PublicApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One answer: status, content type and the body as JSON (null when empty or not JSON). */
    record Answer(int status, String contentType, String body, @Nullable JsonNode json) {

        Answer expect(int expected) {
            assertThat(status).as("status of an answer with body %s", body).isEqualTo(expected);
            return this;
        }

        String text(String field) {
            assertThat(json).as("JSON body").isNotNull();
            JsonNode value = json.get(field);
            assertThat(value).as("field %s of %s", field, body).isNotNull();
            return value.asString();
        }
    }

    Answer get(String path, @Nullable String bearer) {
        return send(request(path, bearer).GET().build());
    }

    Answer post(String path, @Nullable String bearer, @Nullable Object body) {
        HttpRequest.BodyPublisher content = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return send(request(path, bearer).header("Content-Type", "application/json").POST(content).build());
    }

    byte[] getBytes(String path, String bearer) {
        try {
            HttpResponse<byte[]> response = http.send(request(path, bearer).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * A new API key for an instance (the answer's {@code key} and {@code apiKey}). auth-service learns of a new
     * instance from the instance events, so right after the instance was created it may not know it yet: retried
     * on 404 for a while.
     */
    Answer createApiKey(String token, String instanceId, String name, List<String> scopes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Answer answer = post("/api/auth/api-keys", token, Map.of("instanceId", instanceId, "name", name,
                    "scopes", scopes));
            if (answer.status() != 404 || System.nanoTime() > deadline) {
                return answer.expect(201);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    HttpRequest.Builder request(String path, @Nullable String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    HttpClient client() {
        return http;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (type.contains("json") && !response.body().isBlank()) {
                json = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), type, response.body(), json);
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
