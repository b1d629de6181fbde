package io.wagate.contracts;

import io.wagate.contracts.message.MessageReceived;
import io.wagate.contracts.message.MessageStatusChanged;
import io.wagate.contracts.platform.ApiKeyCreated;
import io.wagate.contracts.platform.ApiKeyRevoked;
import io.wagate.contracts.platform.InstanceCreated;
import io.wagate.contracts.platform.InstanceDeleted;
import io.wagate.contracts.platform.InstanceUpdated;
import io.wagate.contracts.platform.MessageQuotaExceeded;
import io.wagate.contracts.platform.MessageQuotaRestored;
import io.wagate.contracts.platform.SubscriptionChanged;
import io.wagate.contracts.platform.TenantCreated;
import io.wagate.contracts.platform.TenantDeleted;
import io.wagate.contracts.session.ConnectSession;
import io.wagate.contracts.session.ConnectionLogged;
import io.wagate.contracts.session.DisconnectSession;
import io.wagate.contracts.session.LogoutSession;
import io.wagate.contracts.session.PairingCodeIssued;
import io.wagate.contracts.session.ProfileUpdated;
import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.RequestPairingCode;
import io.wagate.contracts.session.ResetSession;
import io.wagate.contracts.session.RestartSession;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.contracts.webhook.WebhookEndpointDisabled;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The known event types: CloudEvents {@code type} name to payload record and back. */
public final class EventCatalog {

    private static final EventCatalog STANDARD = new EventCatalog(List.of(
            ConnectSession.class, DisconnectSession.class, RestartSession.class, LogoutSession.class,
            ResetSession.class, RequestPairingCode.class,
            SessionStatusChanged.class, QrCodeUpdated.class, PairingCodeIssued.class, ConnectionLogged.class,
            ProfileUpdated.class,
            MessageReceived.class, MessageStatusChanged.class,
            TenantCreated.class, TenantDeleted.class,
            SubscriptionChanged.class, MessageQuotaExceeded.class, MessageQuotaRestored.class,
            InstanceCreated.class, InstanceUpdated.class, InstanceDeleted.class,
            ApiKeyCreated.class, ApiKeyRevoked.class,
            WebhookEndpointDisabled.class));

    private final Map<String, Class<? extends EventData>> byType;
    private final Map<Class<? extends EventData>, String> byClass;

    private EventCatalog(List<Class<? extends EventData>> classes) {
        Map<String, Class<? extends EventData>> types = new LinkedHashMap<>();
        Map<Class<? extends EventData>, String> names = new LinkedHashMap<>();
        for (Class<? extends EventData> type : classes) {
            EventType annotation = type.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalStateException(type.getName() + " lacks @EventType");
            }
            if (types.put(annotation.value(), type) != null) {
                throw new IllegalStateException("Duplicate event type " + annotation.value());
            }
            names.put(type, annotation.value());
        }
        this.byType = Collections.unmodifiableMap(types);
        this.byClass = Collections.unmodifiableMap(names);
    }

    public static EventCatalog standard() {
        return STANDARD;
    }

    public String typeOf(EventData data) {
        return typeOf(data.getClass());
    }

    public String typeOf(Class<? extends EventData> type) {
        @Nullable String name = byClass.get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " is not a catalogued event type");
        }
        return name;
    }

    public Optional<Class<? extends EventData>> classOf(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Type names in catalogue order, for documentation and tests. */
    public Map<String, Class<? extends EventData>> entries() {
        return byType;
    }
}
