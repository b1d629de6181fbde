package io.wagate.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyFormatTests {

    @Test
    void acceptsLiveAndTestKeysWithAPrefixAndASecret() {
        assertThat(ApiKeyVerification.wellFormed("wg_live_ab12_s3cr3t-with_under-and-dash")).isTrue();
        assertThat(ApiKeyVerification.wellFormed("wg_test_X_y")).isTrue();
    }

    @Test
    void refusesEverythingElseWithoutAskingAnyone() {
        assertThat(ApiKeyVerification.wellFormed("wg_prod_ab12_secret")).as("unknown kind").isFalse();
        assertThat(ApiKeyVerification.wellFormed("wg_live__secret")).as("empty prefix").isFalse();
        assertThat(ApiKeyVerification.wellFormed("wg_live_ab12_")).as("empty secret").isFalse();
        assertThat(ApiKeyVerification.wellFormed("wg_live_ab12")).as("no secret").isFalse();
        assertThat(ApiKeyVerification.wellFormed("wg_live_ab-12_secret")).as("dash in the prefix").isFalse();
        assertThat(ApiKeyVerification.wellFormed("wg_live_ab12_sec ret")).as("space").isFalse();
        assertThat(ApiKeyVerification.wellFormed("wg_live_ab12_secr\u00e9t")).as("non-ASCII").isFalse();
        assertThat(ApiKeyVerification.wellFormed("wg_live_ab12_" + "s".repeat(244))).as("257 characters").isFalse();
        assertThat(ApiKeyVerification.wellFormed("wg_live_ab12_" + "s".repeat(243))).as("256 characters").isTrue();
        assertThat(ApiKeyVerification.wellFormed("")).isFalse();
    }
}
