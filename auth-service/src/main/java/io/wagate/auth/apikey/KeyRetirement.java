package io.wagate.auth.apikey;

import io.wagate.auth.shared.Periodic;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Ends rotation overlaps: introspection already refuses a key past its retire time; this job marks it revoked and
 * emits ApiKeyRevoked so caches that hold it drop it.
 */
@Component
class KeyRetirement implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private final ApiKeyService service;
    private final ApiKeyProperties properties;
    private Disposable schedule = () -> { };

    KeyRetirement(ApiKeyService service, ApiKeyProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    /** Starts once the application is ready: the schema is migrated by then. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        schedule = Periodic.every(properties.retirementCheckInterval(), "api-key-retirement", service::revokeRetired);
    }

    @Override
    public void destroy() {
        schedule.dispose();
    }
}
