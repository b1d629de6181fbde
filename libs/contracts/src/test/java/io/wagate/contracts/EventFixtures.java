package io.wagate.contracts;

import io.wagate.contracts.message.MessageReceived;
import io.wagate.contracts.message.MessageStatus;
import io.wagate.contracts.message.MessageStatusChanged;
import io.wagate.contracts.platform.ApiKeyCreated;
import io.wagate.contracts.platform.ApiKeyRevoked;
import io.wagate.contracts.platform.InstanceCreated;
import io.wagate.contracts.platform.InstanceDeleted;
import io.wagate.contracts.platform.InstanceUpdated;
import io.wagate.contracts.platform.MessageQuotaExceeded;
import io.wagate.contracts.platform.MessageQuotaRestored;
import io.wagate.contracts.platform.PlanLimits;
import io.wagate.contracts.platform.SubscriptionChanged;
import io.wagate.contracts.platform.SubscriptionStatus;
import io.wagate.contracts.platform.TenantCreated;
import io.wagate.contracts.platform.TenantDeleted;
import io.wagate.contracts.session.ConnectSession;
import io.wagate.contracts.session.ConnectionLogged;
import io.wagate.contracts.session.DisconnectSession;
import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.LogLevel;
import io.wagate.contracts.session.LogoutSession;
import io.wagate.contracts.session.PairingCodeIssued;
import io.wagate.contracts.session.ProfileUpdated;
import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.RequestPairingCode;
import io.wagate.contracts.session.ResetSession;
import io.wagate.contracts.session.RestartSession;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.contracts.webhook.WebhookEndpointDisabled;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One realistic sample of every catalogued payload. */
final class EventFixtures {

    static final UUID TENANT = UUID.fromString("0195f3a2-7c1e-7a00-8000-000000000001");
    static final UUID INSTANCE = UUID.fromString("0195f3a2-7c1e-7a00-8000-000000000002");
    static final Instant AT = Instant.parse("2026-11-21T10:15:30.123456Z");

    private EventFixtures() {
    }

    static List<EventData> everyPayload() {
        return List.of(
                new ConnectSession("sales-bot", Engine.SANDBOX, "user:42"),
                new DisconnectSession("user:42"),
                new RestartSession("key:7"),
                new LogoutSession("user:42", true),
                new ResetSession("user:42"),
                new RequestPairingCode("4915112345678", "user:42"),
                new SessionStatusChanged(7, SessionStatus.RECONNECTING, SessionStatus.CONNECTED, SessionReason.NETWORK, 2,
                        "socket closed"),
                new QrCodeUpdated(3, "https://wa.me/settings/linked_devices#ref,a,b,c,1", 1, AT),
                new PairingCodeIssued(4, "ABCD-EFGH", "4915112345678", AT),
                new ConnectionLogged(5, LogLevel.WARN, "keep-alive late by 3s", AT),
                new ProfileUpdated(6, "4915112345678", "4915112345678:3@s.whatsapp.net", "12345:3@lid", "Sales", "android"),
                new MessageReceived("3EB0ABCDEF", "4915100000000@s.whatsapp.net", "4915100000000@s.whatsapp.net",
                        "Ann", "text", "hello", AT),
                new MessageStatusChanged("3EB0ABCDEF", "4915100000000@s.whatsapp.net", MessageStatus.READ, null, AT),
                new TenantCreated(TENANT, "Acme", UUID.randomUUID()),
                new TenantDeleted(TENANT),
                new SubscriptionChanged(TENANT, 2, "pro", "basic", SubscriptionStatus.ACTIVE, new PlanLimits(20, 600, 10_000),
                        AT),
                new MessageQuotaExceeded(TENANT, LocalDate.of(2026, 11, 21), 1000, 1000, AT),
                new MessageQuotaRestored(TENANT, LocalDate.of(2026, 11, 22)),
                new InstanceCreated(INSTANCE, TENANT, "sales-bot", Engine.WEB),
                new InstanceUpdated(INSTANCE, TENANT, "sales-bot", "Sales line"),
                new InstanceDeleted(INSTANCE, TENANT, "sales-bot"),
                new ApiKeyCreated(UUID.randomUUID(), TENANT, INSTANCE, "wg_live_abcd1234", List.of("messages:send")),
                new ApiKeyRevoked(UUID.randomUUID(), TENANT, INSTANCE, "wg_live_abcd1234", "revoked"),
                new WebhookEndpointDisabled(UUID.randomUUID(), TENANT, INSTANCE, "failing", AT.minusSeconds(432_000), AT));
    }
}
