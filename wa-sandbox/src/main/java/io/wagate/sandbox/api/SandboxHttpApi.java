package io.wagate.sandbox.api;

import io.wagate.engine.login.QrString;
import io.wagate.sandbox.chat.ChatServer;
import io.wagate.sandbox.chat.PairingResult;
import io.wagate.sandbox.chat.Tamper;
import io.wagate.sandbox.fault.Fault;
import io.wagate.sandbox.fault.FaultTarget;
import io.wagate.sandbox.fault.FaultType;
import io.wagate.sandbox.history.ConnectionHistory;
import io.wagate.sandbox.history.ConnectionRecord;
import io.wagate.sandbox.phone.Phone;
import io.wagate.sandbox.phone.PhoneRegistry;
import io.wagate.sandbox.phone.RegisteredDevice;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Routes of the control API. Handlers never block: slow operations (scan, code entry) return futures. */
public final class SandboxHttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxHttpApi.class);
    private static final String BASE = "/api/sandbox";

    private final JsonMapper json = JsonMapper.builder().build();
    private final PhoneRegistry phones;
    private final ConnectionHistory history;
    private final ChatServer chat;
    private final byte[] rootPublicKey;

    public SandboxHttpApi(PhoneRegistry phones, ConnectionHistory history, ChatServer chat, byte[] rootPublicKey) {
        this.phones = phones;
        this.history = history;
        this.chat = chat;
        this.rootPublicKey = rootPublicKey.clone();
    }

    public void register(HttpServerRoutes routes) {
        routes.get(BASE + "/health", handle(request -> Mono.just(Map.of("status", "UP"))))
                .get(BASE + "/root-key", handle(request -> Mono.just(Map.of(
                        "hex", HexFormat.of().formatHex(rootPublicKey),
                        "base64", Base64.getEncoder().encodeToString(rootPublicKey)))))
                .post(BASE + "/phones", handleBody(201, this::createPhone))
                .get(BASE + "/phones", handle(request -> Mono.just(phones.all().stream().map(this::phoneJson).toList())))
                .get(BASE + "/phones/{number}", handle(request -> Mono.just(phoneJson(phone(request)))))
                .post(BASE + "/phones/{number}/scan", handleBody(200, this::scan))
                .post(BASE + "/phones/{number}/pairing-code", handleBody(200, this::enterCode))
                .post(BASE + "/phones/{number}/devices", handleBody(201, this::linkDirectly))
                .delete(BASE + "/phones/{number}/devices/{deviceId}", handle(this::unlink))
                .get(BASE + "/connections", handle(request -> Mono.just(connections(request))))
                .get(BASE + "/connections/overlaps", handle(request -> Mono.just(history.overlaps().stream()
                        .map(overlap -> Map.of("deviceJid", overlap.deviceJid(),
                                "first", recordJson(overlap.first()), "second", recordJson(overlap.second())))
                        .toList())))
                .post(BASE + "/connections/{id}/qr-refresh", handle(this::refreshQr))
                .post(BASE + "/faults", handleBody(202, this::fault))
                .get(BASE + "/faults", handle(request -> Mono.just(chat.armedFailures().stream()
                        .map(fault -> Map.of("type", fault.type().name().toLowerCase(), "target",
                                String.valueOf(fault.target()))).toList())))
                .post(BASE + "/certificate", handleBody(200, this::certificate));
    }

    private Mono<Object> createPhone(HttpServerRequest request, JsonNode body) {
        Phone phone;
        try {
            phone = phones.create(text(body, "number"), text(body, "pushName"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, e.getMessage());
        }
        return Mono.just(phoneJson(phone));
    }

    private Mono<Object> scan(HttpServerRequest request, JsonNode body) {
        Phone phone = phone(request);
        String qrText = required(body, "qr");
        QrString qr;
        try {
            qr = QrString.parse(qrText);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "not a linking QR: " + e.getMessage());
        }
        Tamper tamper = Tamper.parse(text(body, "tamper"));
        return result(chat.scan(phone, qr, tamper));
    }

    private Mono<Object> enterCode(HttpServerRequest request, JsonNode body) {
        Phone phone = phone(request);
        String code = required(body, "code");
        // PBKDF2 with 131,072 iterations runs twice here: keep it off the event loop.
        return result(CompletableFuture.supplyAsync(() -> chat.enterPairingCode(phone, code))
                .thenCompose(future -> future));
    }

    private Mono<Object> result(CompletableFuture<PairingResult> future) {
        return Mono.fromFuture(future).map(result -> {
            if (!result.success()) {
                throw new ApiException(result.status(), result.error());
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("deviceJid", result.deviceJid());
            map.put("lid", result.lid());
            map.put("connectionId", result.connectionId());
            return map;
        });
    }

    /**
     * Links a companion without scanning, for fixtures that need many linked devices. The companion must still
     * countersign the returned identity before it stores it.
     */
    private Mono<Object> linkDirectly(HttpServerRequest request, JsonNode body) {
        Phone phone = phone(request);
        byte[] noiseKey = key(body, "noisePublicKey");
        byte[] identityKey = key(body, "identityPublicKey");
        PhoneRegistry.DirectLink link = phones.linkDirectly(phone, noiseKey, identityKey);
        JsonNode preKeys = body.get("preKeys");
        if (preKeys != null && preKeys.asInt() > 0) {
            link.device().preKeysUploaded(preKeys.asInt());
        }
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("deviceJid", link.device().jid());
        map.put("lid", link.device().lid());
        map.put("deviceId", link.device().deviceId());
        map.put("accountSignedIdentity", b64.encodeToString(link.accountSignedIdentity().toByteArray()));
        map.put("accountSignatureKey", b64.encodeToString(phone.accountKey().publicKey()));
        return Mono.just(map);
    }

    private static byte[] key(JsonNode body, String field) {
        try {
            byte[] key = Base64.getDecoder().decode(required(body, field));
            if (key.length != 32) {
                throw new ApiException(400, field + " must be 32 bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, field + " must be base64");
        }
    }

    private Mono<Object> unlink(HttpServerRequest request) {
        Phone phone = phone(request);
        int deviceId = parseInt(request.param("deviceId"), "deviceId");
        if (!chat.unlink(phone, deviceId)) {
            throw new ApiException(404, "no device " + deviceId + " on " + phone.number());
        }
        return Mono.just(Map.of("removed", phone.number() + ":" + deviceId + "@s.whatsapp.net"));
    }

    private List<Map<String, Object>> connections(HttpServerRequest request) {
        boolean liveOnly = request.uri().contains("live=true");
        return history.all().stream().filter(r -> !liveOnly || r.live()).map(this::recordJson).toList();
    }

    private Mono<Object> refreshQr(HttpServerRequest request) {
        long id = parseLong(request.param("id"), "id");
        if (!chat.refreshQr(id)) {
            throw new ApiException(404, "no live pairing connection " + id);
        }
        return Mono.just(Map.of("refreshed", id));
    }

    private Mono<Object> fault(HttpServerRequest request, JsonNode body) {
        FaultType type;
        try {
            type = FaultType.parse(required(body, "type"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "unknown fault type; one of " + List.of(FaultType.values()));
        }
        Fault fault;
        try {
            JsonNode id = body.get("connectionId");
            FaultTarget target = new FaultTarget(id == null || id.isNull() ? null : id.asLong(),
                    text(body, "number"), text(body, "deviceJid"));
            JsonNode delay = body.get("delayMs");
            fault = new Fault(type, target, Duration.ofMillis(delay == null ? 0 : delay.asLong()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        ChatServer.Injection injection = chat.inject(fault);
        if (!injection.armed() && injection.connections() == 0) {
            throw new ApiException(409, "no live connection matches " + fault.target());
        }
        return Mono.just(Map.of("type", type.name().toLowerCase(), "armed", injection.armed(),
                "connections", injection.connections()));
    }

    private Mono<Object> certificate(HttpServerRequest request, JsonNode body) {
        String mode = required(body, "mode");
        switch (mode) {
            case "valid" -> chat.presentTamperedCertificate(false);
            case "tampered" -> chat.presentTamperedCertificate(true);
            default -> throw new ApiException(400, "mode must be valid or tampered");
        }
        return Mono.just(Map.of("mode", mode));
    }

    private Phone phone(HttpServerRequest request) {
        String number = request.param("number");
        return phones.find(number == null ? "" : number)
                .orElseThrow(() -> new ApiException(404, "no phone " + number));
    }

    private Map<String, Object> phoneJson(Phone phone) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", phone.number());
        map.put("jid", phone.jid());
        map.put("lid", phone.lidUser() + "@lid");
        map.put("pushName", phone.pushName());
        map.put("devices", phone.devices().stream().map(this::deviceJson).toList());
        return map;
    }

    private Map<String, Object> deviceJson(RegisteredDevice device) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("jid", device.jid());
        map.put("lid", device.lid());
        map.put("deviceId", device.deviceId());
        map.put("linkedAt", device.linkedAt().toString());
        map.put("preKeyCount", device.preKeyCount());
        map.put("preKeyUploads", device.preKeyUploads());
        return map;
    }

    private Map<String, Object> recordJson(ConnectionRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", record.id());
        map.put("remoteAddress", record.remoteAddress());
        map.put("openedAt", record.openedAt().toString());
        map.put("closedAt", record.closedAt() == null ? null : record.closedAt().toString());
        map.put("deviceJid", record.deviceJid());
        map.put("pairedDeviceJid", record.pairedDeviceJid());
        map.put("closeReason", record.closeReason());
        map.put("live", record.live());
        return map;
    }

    private java.util.function.BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handle(
            Function<HttpServerRequest, Mono<?>> handler) {
        return (request, response) -> respond(response, 200, Mono.defer(() -> handler.apply(request)));
    }

    private java.util.function.BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handleBody(
            int status, java.util.function.BiFunction<HttpServerRequest, JsonNode, Mono<?>> handler) {
        return (request, response) -> respond(response, status, request.receive().aggregate().asString()
                .defaultIfEmpty("")
                .flatMap(text -> handler.apply(request, parse(text))));
    }

    private Publisher<Void> respond(HttpServerResponse response, int status, Mono<?> body) {
        return body.map(value -> new Reply(status, value))
                .onErrorResume(ApiException.class, e -> Mono.just(new Reply(e.status(), Map.of("error",
                        String.valueOf(e.getMessage())))))
                .onErrorResume(e -> !(e instanceof ApiException), e -> {
                    LOG.warn("sandbox API error", e);
                    return Mono.just(new Reply(500, Map.of("error", String.valueOf(e.getMessage()))));
                })
                .flatMap(reply -> Mono.from(response.status(reply.status())
                        .header("Content-Type", "application/json")
                        .sendString(Mono.just(json.writeValueAsString(reply.body())))));
    }

    private JsonNode parse(String text) {
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                throw new ApiException(400, "body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new ApiException(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw new ApiException(400, "missing field " + field);
        }
        return value;
    }

    private static int parseInt(@Nullable String text, String name) {
        try {
            return Integer.parseInt(String.valueOf(text));
        } catch (NumberFormatException e) {
            throw new ApiException(400, name + " must be a number");
        }
    }

    private static long parseLong(@Nullable String text, String name) {
        try {
            return Long.parseLong(String.valueOf(text));
        } catch (NumberFormatException e) {
            throw new ApiException(400, name + " must be a number");
        }
    }

    private record Reply(int status, Object body) {
    }
}
