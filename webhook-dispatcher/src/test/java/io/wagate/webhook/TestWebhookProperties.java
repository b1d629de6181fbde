package io.wagate.webhook;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Webhook settings for tests that build components by hand: the application's defaults with the given
 * {@code wagate.webhooks.*} settings on top, bound as the application binds them, so a new setting needs no change
 * here or in the tests.
 */
public final class TestWebhookProperties {

    private TestWebhookProperties() {
    }

    /** @param settings names relative to {@code wagate.webhooks} (for example {@code max-queue-wait}) */
    public static WebhookProperties of(Map<String, ?> settings) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        settings.forEach((name, value) -> source.put("wagate.webhooks." + name, value));
        return new Binder(source).bindOrCreate("wagate.webhooks", Bindable.of(WebhookProperties.class));
    }
}
