package io.wagate.engine.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.binary.Node;
import io.wagate.engine.client.DisconnectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationTest {

    @ParameterizedTest(name = "stream:error code {0} -> {1}")
    @CsvSource({
        "515, RESTART_REQUIRED, 515",
        "401, LOGGED_OUT, 401",
        "503, SERVER_UNAVAILABLE, 503",
        "500, SERVER_UNAVAILABLE, 500",
        "0, SERVER_UNAVAILABLE, 500",
        "418, UNKNOWN, 418"})
    void streamErrorCodes(int code, DisconnectReason reason, int reportedCode) {
        Node.Builder node = Node.builder("stream:error");
        if (code != 0) {
            node.attribute("code", code);
        }
        Classification classification = Classification.ofStreamError(node.build());
        assertThat(classification.reason()).isEqualTo(reason);
        assertThat(classification.code()).isEqualTo(reportedCode);
    }

    @Test
    void conflictsWinOverTheCode() {
        Node replaced = Node.builder("stream:error")
                .child(Node.builder("conflict").attribute("type", "replaced").build()).build();
        Node removed = Node.builder("stream:error").attribute("code", "401")
                .child(Node.builder("conflict").attribute("type", "device_removed").build()).build();
        assertThat(Classification.ofStreamError(replaced).reason()).isEqualTo(DisconnectReason.REPLACED);
        assertThat(Classification.ofStreamError(replaced).code()).isEqualTo(440);
        assertThat(Classification.ofStreamError(removed).reason()).isEqualTo(DisconnectReason.LOGGED_OUT);
    }

    @ParameterizedTest(name = "failure {0} -> {1}")
    @CsvSource({
        "401, LOGGED_OUT", "402, TEMPORARILY_BANNED", "403, LOCKED", "405, CLIENT_OUTDATED", "406, BANNED",
        "409, BAD_USER_AGENT", "500, SERVER_UNAVAILABLE", "503, SERVER_UNAVAILABLE", "411, UNKNOWN"})
    void failureReasons(int code, DisconnectReason reason) {
        Classification classification = Classification.ofFailure(
                Node.builder("failure").attribute("reason", code).build());
        assertThat(classification.reason()).isEqualTo(reason);
        assertThat(classification.code()).isEqualTo(code);
    }

    @Test
    void temporaryBanCarriesCodeAndExpiry() {
        Classification classification = Classification.ofFailure(Node.builder("failure").attribute("reason", "402")
                .attribute("code", "101").attribute("expire", "3600").build());
        assertThat(classification.detail()).contains("code=101").contains("expire=3600");
    }

    @Test
    void onlyAccountEndingReasonsInvalidateCredentials() {
        assertThat(java.util.Arrays.stream(DisconnectReason.values()).filter(DisconnectReason::credentialsInvalid))
                .containsExactlyInAnyOrder(DisconnectReason.LOGGED_OUT, DisconnectReason.BANNED,
                        DisconnectReason.LOCKED);
        assertThat(DisconnectReason.RESTART_REQUIRED.code()).isEqualTo("restart_required");
        assertThat(DisconnectReason.REPLACED.isTransient()).isFalse();
        assertThat(DisconnectReason.NETWORK.isTransient()).isTrue();
    }
}
