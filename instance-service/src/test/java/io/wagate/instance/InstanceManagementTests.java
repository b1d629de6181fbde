package io.wagate.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.InstanceCreated;
import io.wagate.contracts.platform.InstanceDeleted;
import io.wagate.contracts.platform.InstanceUpdated;
import io.wagate.contracts.platform.TenantDeleted;
import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.LogoutSession;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class InstanceManagementTests extends InstanceIntegrationTest {

    @Test
    void createsAnInstanceAndPublishesInstanceCreated() {
        Tenant tenant = newTenant();
        String name = uniqueName("sales");

        createInstance(tenant.user(InternalIdentity.DEVELOPER), name, "web")
                .expectStatus().isCreated()
                .expectHeader().location("/api/instances/" + name)
                .expectBody()
                .jsonPath("$.name").isEqualTo(name)
                .jsonPath("$.engine").isEqualTo("web")
                .jsonPath("$.description").isEqualTo("test instance")
                .jsonPath("$.desiredState").isEqualTo("DISCONNECTED")
                .jsonPath("$.status.state").isEqualTo("INIT")
                .jsonPath("$.stats.reconnects").isEqualTo(0)
                .jsonPath("$.profile").isEmpty();

        String id = get(tenant.user(InternalIdentity.VIEWER), "/api/instances/" + name)
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        List<CloudEvent<?>> events = publishedEvents(Topics.INSTANCE_EVENTS, id);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().data()).isEqualTo(new InstanceCreated(UUID.fromString(id), tenant.id(), name,
                Engine.WEB));
        assertThat(events.getFirst().tenantId()).isEqualTo(tenant.id().toString());
        assertThat(events.getFirst().instanceId()).isEqualTo(id);
    }

    @Test
    void namesAreUniquePerTenantOnly() {
        Tenant first = newTenant();
        Tenant second = newTenant();
        String name = uniqueName("shared");
        createdInstance(first, name);

        createInstance(first.owner(), name, "web").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/conflict");
        createInstance(second.owner(), name, "web").expectStatus().isCreated();
    }

    @Test
    void listsPagedAndFilteredByStatus() {
        Tenant tenant = newTenant();
        for (String name : List.of("alpha-1", "bravo-2", "charlie-3")) {
            createdInstance(tenant, name);
        }
        get(tenant.user(InternalIdentity.VIEWER), "/api/instances?size=2&page=0").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].name").isEqualTo("alpha-1")
                .jsonPath("$.items[1].name").isEqualTo("bravo-2");
        get(tenant.owner(), "/api/instances?size=2&page=1").expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].name").isEqualTo("charlie-3");
        get(tenant.owner(), "/api/instances?status=CONNECTED").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        get(tenant.owner(), "/api/instances?status=init").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(3);
        get(tenant.owner(), "/api/instances?status=SLEEPING").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get(tenant.owner(), "/api/instances?size=1000").expectStatus().isBadRequest();
    }

    @Test
    void updatesDescriptionAndNameAndPublishesInstanceUpdated() {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "before-rename");

        http.patch().uri("/api/instances/before-rename").header(InternalTokens.HEADER, tenant.owner())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "after-rename", "description", "support line"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("after-rename")
                .jsonPath("$.description").isEqualTo("support line");
        get(tenant.owner(), "/api/instances/before-rename").expectStatus().isNotFound();
        http.patch().uri("/api/instances/after-rename").header(InternalTokens.HEADER, tenant.owner())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("description", ""))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.description").isEmpty().jsonPath("$.name").isEqualTo("after-rename");

        assertThat(publishedData(Topics.INSTANCE_EVENTS, id.toString())).contains(
                new InstanceUpdated(id, tenant.id(), "after-rename", "support line"),
                new InstanceUpdated(id, tenant.id(), "after-rename", null));
    }

    @Test
    void deletePublishesLogoutAndDeletion() {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "to-delete");

        http.delete().uri("/api/instances/to-delete").header(InternalTokens.HEADER, tenant.user(InternalIdentity.ADMIN))
                .exchange().expectStatus().isNoContent();

        get(tenant.owner(), "/api/instances/to-delete").expectStatus().isNotFound();
        List<CloudEvent<?>> commands = publishedEvents(Topics.SESSION_COMMANDS, id.toString());
        assertThat(commands).hasSize(1);
        assertThat(commands.getFirst().data()).isInstanceOf(LogoutSession.class);
        assertThat(((LogoutSession) commands.getFirst().data()).deleteInstance()).isTrue();
        assertThat(publishedData(Topics.INSTANCE_EVENTS, id.toString())).contains(new InstanceDeleted(id, tenant.id(), "to-delete"));
    }

    @Test
    void aClosedTenantsInstancesAreDeletedWithTheirEvents() {
        Tenant tenant = newTenant();
        UUID first = createdInstance(tenant, "closing-1");
        UUID second = createdInstance(tenant, "closing-2");
        subscription(tenant, 2, "pro", 20);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                count("SELECT count(*) FROM tenant_plan WHERE tenant_id = :tenant", tenant.id()) == 1);

        publish(Topics.TENANT_EVENTS, tenant.id().toString(), CloudEvent.create("/auth-service",
                tenant.id().toString(), null, null, new TenantDeleted(tenant.id())));

        await().atMost(Duration.ofSeconds(15)).until(() ->
                count("SELECT count(*) FROM instance WHERE tenant_id = :tenant", tenant.id()) == 0);
        for (UUID id : List.of(first, second)) {
            assertThat(publishedData(Topics.SESSION_COMMANDS, id.toString()))
                    .containsExactly(new LogoutSession("system", true));
            assertThat(publishedData(Topics.INSTANCE_EVENTS, id.toString()))
                    .contains(new InstanceDeleted(id, tenant.id(), id.equals(first) ? "closing-1" : "closing-2"));
        }
        await().atMost(Duration.ofSeconds(15)).until(() ->
                count("SELECT count(*) FROM tenant_plan WHERE tenant_id = :tenant", tenant.id()) == 0);
    }

    @Test
    void rolesDecideWhoManagesInstances() {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "role-check");

        createInstance(tenant.user(InternalIdentity.VIEWER), "viewer-made", "web").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/forbidden");
        createInstance(tenant.apiKey(id, "instance:control"), "key-made", "web").expectStatus().isForbidden();
        get(tenant.apiKey(id, "instance:read"), "/api/instances").expectStatus().isForbidden();
        http.delete().uri("/api/instances/role-check").header(InternalTokens.HEADER, tenant.user(InternalIdentity.DEVELOPER))
                .exchange().expectStatus().isForbidden();
        get(tenant.apiKey(id, "instance:read"), "/api/instances/role-check").expectStatus().isOk();
        get(tenant.apiKey(id, "messages:send"), "/api/instances/role-check").expectStatus().isForbidden();
        get(tenant.apiKey(UUID.randomUUID(), "instance:read"), "/api/instances/role-check").expectStatus().isNotFound();
        http.get().uri("/api/instances").exchange().expectStatus().isUnauthorized();
    }
}
