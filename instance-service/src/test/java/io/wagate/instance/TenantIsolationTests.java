package io.wagate.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.contracts.Topics;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class TenantIsolationTests extends InstanceIntegrationTest {

    /** Every endpoint that names an instance, with a body where it takes one. */
    private static final List<Object[]> ENDPOINTS = List.of(
            new Object[] {HttpMethod.GET, "/api/instances/%s", null},
            new Object[] {HttpMethod.PATCH, "/api/instances/%s", "{\"description\":\"hijacked\"}"},
            new Object[] {HttpMethod.DELETE, "/api/instances/%s", null},
            new Object[] {HttpMethod.POST, "/api/instances/%s/connect", null},
            new Object[] {HttpMethod.POST, "/api/instances/%s/disconnect", null},
            new Object[] {HttpMethod.POST, "/api/instances/%s/restart", null},
            new Object[] {HttpMethod.POST, "/api/instances/%s/logout", null},
            new Object[] {HttpMethod.POST, "/api/instances/%s/reset", null},
            new Object[] {HttpMethod.POST, "/api/instances/%s/pairing-code", "{\"phoneNumber\":\"5511999998888\"}"},
            new Object[] {HttpMethod.GET, "/api/instances/%s/qr", null},
            new Object[] {HttpMethod.GET, "/api/instances/%s/logs", null},
            new Object[] {HttpMethod.GET, "/api/instances/events?instance=%s", null},
            new Object[] {HttpMethod.GET, "/api/instances/ws?instance=%s", null});

    @Test
    void anotherTenantsIdentityFindsNothingAndChangesNothing() {
        Tenant owner = newTenant();
        Tenant intruder = newTenant();
        UUID id = createdInstance(owner, "private-line");
        Map<?, ?> before = body(owner.owner());
        UUID intruderInstance = createdInstance(intruder, "intruder-own");
        List<String> identities = List.of(intruder.owner(), intruder.user(InternalIdentity.ADMIN),
                intruder.user(InternalIdentity.VIEWER), intruder.apiKey(intruderInstance, "instance:read",
                        "instance:control"), intruder.apiKey(id, "instance:read", "instance:control"));

        for (String token : identities) {
            for (Object[] endpoint : ENDPOINTS) {
                var request = http.method((HttpMethod) endpoint[0])
                        .uri(String.format((String) endpoint[1], "private-line"))
                        .header(InternalTokens.HEADER, token);
                var response = endpoint[2] == null ? request.exchange()
                        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(endpoint[2]).exchange();
                response.expectStatus().isNotFound()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/not-found");
            }
        }

        assertThat(body(owner.owner())).isEqualTo(before);
        assertThat(published(Topics.SESSION_COMMANDS, id.toString())).isEmpty();
        assertThat(published(Topics.INSTANCE_EVENTS, id.toString())).hasSize(1);
        get(intruder.owner(), "/api/instances").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].name").isEqualTo("intruder-own");
    }

    private Map<?, ?> body(String token) {
        return get(token, "/api/instances/private-line").expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }
}
