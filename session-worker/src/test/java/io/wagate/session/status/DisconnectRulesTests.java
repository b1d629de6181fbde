package io.wagate.session.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.engine.client.DisconnectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DisconnectRulesTests {

    @ParameterizedTest
    @EnumSource(value = DisconnectReason.class, names = {"LOGGED_OUT", "REPLACED", "BANNED", "LOCKED",
            "TEMPORARILY_BANNED", "QR_EXPIRED", "PAIRING_FAILED"})
    void accountOrPairingEndsStayDisconnected(DisconnectReason reason) {
        AfterDisconnect after = DisconnectRules.after(reason);
        assertThat(after.action()).isEqualTo(AfterDisconnect.Action.STAY_DOWN);
        assertThat(after.status()).isEqualTo(SessionStatus.DISCONNECTED);
        assertThat(after.deleteCredentials()).isEqualTo(reason.credentialsInvalid());
    }

    @ParameterizedTest
    @EnumSource(value = DisconnectReason.class, names = {"SERVER_UNAVAILABLE", "NETWORK", "CONNECTION_CLOSED",
            "KEEPALIVE_TIMEOUT"})
    void transientEndsReconnectWithBackoff(DisconnectReason reason) {
        AfterDisconnect after = DisconnectRules.after(reason);
        assertThat(after.action()).isEqualTo(AfterDisconnect.Action.RECONNECT_WITH_BACKOFF);
        assertThat(after.status()).isEqualTo(SessionStatus.RECONNECTING);
        assertThat(reason.isTransient()).isTrue();
    }

    @Test
    void aLockedAccountIsToldApartFromABannedOneAndLosesItsCredentials() {
        AfterDisconnect after = DisconnectRules.after(DisconnectReason.LOCKED);
        assertThat(after.status()).isEqualTo(SessionStatus.DISCONNECTED);
        assertThat(after.reason()).isEqualTo(SessionReason.LOCKED);
        assertThat(after.deleteCredentials()).isTrue();
        assertThat(after.action()).isEqualTo(AfterDisconnect.Action.STAY_DOWN);
    }

    @Test
    void restartRequiredReconnectsAtOnce() {
        AfterDisconnect after = DisconnectRules.after(DisconnectReason.RESTART_REQUIRED);
        assertThat(after.action()).isEqualTo(AfterDisconnect.Action.RECONNECT_NOW);
        assertThat(after.reason()).isEqualTo(SessionReason.RESTART_REQUIRED);
    }

    @Test
    void publicReasonsFollowTheEngine() {
        assertThat(DisconnectRules.after(DisconnectReason.LOGGED_OUT).reason()).isEqualTo(SessionReason.LOGGED_OUT);
        assertThat(DisconnectRules.after(DisconnectReason.REPLACED).reason()).isEqualTo(SessionReason.REPLACED);
        assertThat(DisconnectRules.after(DisconnectReason.QR_EXPIRED).reason()).isEqualTo(SessionReason.QR_EXPIRED);
        assertThat(DisconnectRules.after(DisconnectReason.NETWORK).reason()).isEqualTo(SessionReason.NETWORK);
        assertThat(DisconnectRules.after(DisconnectReason.CONNECTION_CLOSED).reason())
                .isEqualTo(SessionReason.CONNECTION_CLOSED);
        assertThat(DisconnectRules.after(DisconnectReason.BANNED).reason()).isEqualTo(SessionReason.BANNED);
        assertThat(DisconnectRules.after(DisconnectReason.CLIENT_OUTDATED).status()).isEqualTo(SessionStatus.ERROR);
    }
}
