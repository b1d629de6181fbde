package io.wagate.auth.token;

import io.wagate.auth.shared.Periodic;
import io.wagate.auth.token.internal.RefreshTokenStore;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Deletes refresh tokens a day after they expired, hourly, so the table holds live sessions rather than every login
 * ever made. A replayed token that old is unknown, which answers the same 401 as an expired one.
 */
@Component
class RefreshTokenHousekeeping implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private final RefreshTokenStore store;
    private Disposable schedule = () -> { };

    RefreshTokenHousekeeping(RefreshTokenStore store) {
        this.store = store;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        schedule = Periodic.every(Duration.ofHours(1), "refresh-token-housekeeping",
                () -> store.deleteExpiredBefore(Duration.ofDays(1)));
    }

    @Override
    public void destroy() {
        schedule.dispose();
    }
}
