package io.wagate.contracts;

import java.util.List;

/** Kafka topic names and their message keys. One place, so a rename is a compile error everywhere. */
public final class Topics {

    /** Commands to the session-workers, keyed by instance id: one ordered stream per instance. */
    public static final String SESSION_COMMANDS = "wa.session.commands";
    /** Status, QR, pairing code, connection log and profile events, keyed by instance id. */
    public static final String SESSION_EVENTS = "wa.session.events";
    /** Inbound messages and outbound message status, keyed by instance id. */
    public static final String MESSAGE_EVENTS = "wa.message.events";
    /** Tenant lifecycle, keyed by tenant id. */
    public static final String TENANT_EVENTS = "platform.tenant.events";
    /** Subscription and quota changes, keyed by tenant id. */
    public static final String SUBSCRIPTION_EVENTS = "platform.subscription.events";
    /** Instance lifecycle, keyed by instance id. */
    public static final String INSTANCE_EVENTS = "platform.instance.events";
    /** API key lifecycle (created, revoked), keyed by tenant id. */
    public static final String API_KEY_EVENTS = "platform.apikey.events";
    /** Operational webhook events (an endpoint was disabled), keyed by tenant id. */
    public static final String WEBHOOK_EVENTS = "platform.webhook.events";

    /** Suffix of the dead-letter topic that receives records a consumer could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every platform topic (not the dead-letter or dispatcher-internal ones). */
    public static List<String> all() {
        return List.of(SESSION_COMMANDS, SESSION_EVENTS, MESSAGE_EVENTS, TENANT_EVENTS, SUBSCRIPTION_EVENTS,
                INSTANCE_EVENTS, API_KEY_EVENTS, WEBHOOK_EVENTS);
    }
}
