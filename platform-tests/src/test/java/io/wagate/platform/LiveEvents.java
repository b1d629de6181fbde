package io.wagate.platform;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** The gateway's Server-Sent Events stream of a tenant, read in the background; keeps every event it saw. */
final class LiveEvents implements AutoCloseable {

    record LiveEvent(String name, JsonNode data) {
    }

    private final List<LiveEvent> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    LiveEvents(PublicApi gateway, String path, String bearer) {
        HttpRequest request = gateway.request(path, bearer).timeout(java.time.Duration.ofMinutes(10))
                .header("Accept", "text/event-stream").GET().build();
        response = gateway.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            String[] name = {"message"};
            answer.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    events.add(new LiveEvent(name[0], PublicApi.JSON.readTree(line.substring("data:".length()))));
                } else if (line.isEmpty()) {
                    name[0] = "message";
                }
            });
        });
    }

    List<LiveEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
