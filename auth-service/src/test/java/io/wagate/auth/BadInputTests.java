package io.wagate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.contracts.session.Engine;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Bad input of every kind: a 4xx problem with the right type, and not a single row written. */
class BadInputTests extends AuthIntegrationTest {

    private static final String MALFORMED = "https://wagate.io/problems/malformed-json";
    private static final String UNKNOWN_FIELD = "https://wagate.io/problems/unknown-field";
    private static final String WRONG_TYPE = "https://wagate.io/problems/invalid-field-type";
    private static final String INVALID = "https://wagate.io/problems/validation-failed";
    private static final String INVALID_REQUEST = "https://wagate.io/problems/invalid-request";
    private static final String WEAK = "https://wagate.io/problems/weak-password";
    private static final String TOO_LARGE = "https://wagate.io/problems/payload-too-large";
    private static final String MEDIA_TYPE = "https://wagate.io/problems/unsupported-media-type";

    private static Account owner;
    private static UUID instance;

    @BeforeEach
    void tenant() {
        if (owner == null) {
            owner = register();
            instance = instanceOf(owner.tenantId(), Engine.WEB);
        }
    }

    static String registration(String email, String password, String name, String organization) {
        return "{\"email\":" + email + ",\"password\":" + password + ",\"name\":" + name + ",\"organization\":"
                + organization + "}";
    }

    static String ok(String field) {
        return switch (field) {
            case "email" -> "\"bad-input-" + UUID.randomUUID() + "@example.com\"";
            case "password" -> "\"a sound passphrase\"";
            default -> "\"Valid Name\"";
        };
    }

    static Stream<Arguments> cases() {
        String longName = "\"" + "x".repeat(101) + "\"";
        String longEmail = "\"" + "a".repeat(250) + "@example.com\"";
        String longPassword = "\"" + "p4ss phrase ".repeat(11) + "\"";
        String huge = "{\"email\":\"" + "a".repeat(300_000) + "\"}";
        return Stream.of(
                // register
                Arguments.of("truncated JSON", "POST", "/api/auth/register", false, "{\"email\":", 400, MALFORMED),
                Arguments.of("trailing garbage", "POST", "/api/auth/register", false,
                        registration(ok("email"), ok("password"), ok("name"), ok("org")) + " garbage", 400, MALFORMED),
                Arguments.of("unknown field", "POST", "/api/auth/register", false,
                        "{\"email\":" + ok("email") + ",\"password\":" + ok("password") + ",\"name\":\"N\","
                                + "\"organization\":\"O\",\"admin\":true}", 400, UNKNOWN_FIELD),
                Arguments.of("email is an object", "POST", "/api/auth/register", false,
                        registration("{}", ok("password"), ok("name"), ok("org")), 400, WRONG_TYPE),
                Arguments.of("bad email", "POST", "/api/auth/register", false,
                        registration("\"not-an-email\"", ok("password"), ok("name"), ok("org")), 400, INVALID),
                Arguments.of("email with a space", "POST", "/api/auth/register", false,
                        registration("\"a b@example.com\"", ok("password"), ok("name"), ok("org")), 400, INVALID),
                Arguments.of("very long email", "POST", "/api/auth/register", false,
                        registration(longEmail, ok("password"), ok("name"), ok("org")), 400, INVALID),
                Arguments.of("short password", "POST", "/api/auth/register", false,
                        registration(ok("email"), "\"short1\"", ok("name"), ok("org")), 400, INVALID),
                Arguments.of("overlong password", "POST", "/api/auth/register", false,
                        registration(ok("email"), longPassword, ok("name"), ok("org")), 400, INVALID),
                Arguments.of("common password", "POST", "/api/auth/register", false,
                        registration(ok("email"), "\"Password1234\"", ok("name"), ok("org")), 400, WEAK),
                Arguments.of("control character in name", "POST", "/api/auth/register", false,
                        registration(ok("email"), ok("password"), "\"Eve\\u0007\"", ok("org")), 400, INVALID),
                Arguments.of("line break in organization", "POST", "/api/auth/register", false,
                        registration(ok("email"), ok("password"), ok("name"), "\"Evil\\nCorp\""), 400, INVALID),
                Arguments.of("bidi override in name", "POST", "/api/auth/register", false,
                        registration(ok("email"), ok("password"), "\"abc\\u202Egpj\"", ok("org")), 400, INVALID),
                Arguments.of("very long name", "POST", "/api/auth/register", false,
                        registration(ok("email"), ok("password"), longName, ok("org")), 400, INVALID),
                Arguments.of("blank organization", "POST", "/api/auth/register", false,
                        registration(ok("email"), ok("password"), ok("name"), "\"   \""), 400, INVALID),
                Arguments.of("empty object", "POST", "/api/auth/register", false, "{}", 400, INVALID),
                Arguments.of("oversized body", "POST", "/api/auth/register", false, huge, 413, TOO_LARGE),
                // login and tokens
                Arguments.of("password is an array", "POST", "/api/auth/login", false,
                        "{\"email\":\"a@example.com\",\"password\":[\"x\"]}", 400, WRONG_TYPE),
                Arguments.of("tenant id not a UUID", "POST", "/api/auth/login", false,
                        "{\"email\":\"a@example.com\",\"password\":\"x\",\"tenantId\":\"nope\"}", 400, WRONG_TYPE),
                Arguments.of("refresh token missing", "POST", "/api/auth/refresh", false, "{}", 400, INVALID),
                Arguments.of("invite accept without token", "POST", "/api/auth/invites/accept", false,
                        "{\"password\":\"a sound passphrase\"}", 400, INVALID),
                // API keys
                Arguments.of("unknown scope", "POST", "/api/auth/api-keys", true,
                        "{\"instanceId\":\"$instance\",\"name\":\"k\",\"scopes\":[\"messages:delete\"]}", 400, INVALID),
                Arguments.of("no scopes", "POST", "/api/auth/api-keys", true,
                        "{\"instanceId\":\"$instance\",\"name\":\"k\",\"scopes\":[]}", 400, INVALID),
                Arguments.of("instance id is a number", "POST", "/api/auth/api-keys", true,
                        "{\"instanceId\":42,\"name\":\"k\",\"scopes\":[\"messages:send\"]}", 400, WRONG_TYPE),
                Arguments.of("control character in key name", "POST", "/api/auth/api-keys", true,
                        "{\"instanceId\":\"$instance\",\"name\":\"k\\u0000\",\"scopes\":[\"messages:send\"]}", 400,
                        INVALID),
                Arguments.of("expiry not a date", "POST", "/api/auth/api-keys", true,
                        "{\"instanceId\":\"$instance\",\"name\":\"k\",\"scopes\":[\"messages:send\"],"
                                + "\"expiresAt\":\"tomorrow\"}", 400, WRONG_TYPE),
                Arguments.of("negative overlap", "POST", "/api/auth/api-keys/" + UUID.randomUUID() + "/rotate", true,
                        "{\"overlapSeconds\":-5}", 400, INVALID),
                Arguments.of("overlap is text", "POST", "/api/auth/api-keys/" + UUID.randomUUID() + "/rotate", true,
                        "{\"overlapSeconds\":\"soon\"}", 400, WRONG_TYPE),
                Arguments.of("key id not a UUID", "DELETE", "/api/auth/api-keys/not-a-uuid", true, null, 400,
                        INVALID_REQUEST),
                // members
                Arguments.of("bad role in invite", "POST", "/api/auth/members/invites", true,
                        "{\"email\":\"x@example.com\",\"role\":\"SUPERUSER\"}", 400, WRONG_TYPE),
                Arguments.of("bad email in invite", "POST", "/api/auth/members/invites", true,
                        "{\"email\":\"x@@example\",\"role\":\"VIEWER\"}", 400, INVALID),
                Arguments.of("bad role in role change", "PUT", "/api/auth/members/$user/role", true,
                        "{\"role\":\"GOD\"}", 400, WRONG_TYPE),
                Arguments.of("role is null", "PUT", "/api/auth/members/$user/role", true, "{\"role\":null}", 400,
                        INVALID),
                // audit query
                Arguments.of("audit limit zero", "GET", "/api/auth/audit?limit=0", true, null, 400, INVALID_REQUEST),
                Arguments.of("audit unknown type", "GET", "/api/auth/audit?type=everything", true, null, 400,
                        INVALID_REQUEST),
                Arguments.of("audit bad date", "GET", "/api/auth/audit?from=yesterday", true, null, 400,
                        INVALID_REQUEST),
                Arguments.of("text instead of JSON", "POST", "/api/auth/login", false, "TEXT", 415, MEDIA_TYPE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithTheRightProblemAndWritesNothing(String name, String method, String path, boolean identity,
            String body, int status, String type) {
        Map<String, Long> before = rowCounts();
        String resolvedPath = path.replace("$user", owner.userId().toString());
        var request = http.method(HttpMethod.valueOf(method)).uri(resolvedPath);
        if (identity) {
            request = request.header("X-WaGate-Identity", ownerToken(owner));
        }
        request = request.header("X-Forwarded-For", randomAddress());
        var response = body == null ? request.exchange()
                : "TEXT".equals(body) ? request.contentType(MediaType.TEXT_PLAIN).bodyValue("email=a").exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body.replace("$instance", instance.toString())).exchange();
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(type);
        assertThat(rowCounts()).as(name).isEqualTo(before);
    }
}
