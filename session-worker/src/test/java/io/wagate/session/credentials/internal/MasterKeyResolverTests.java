package io.wagate.session.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.wagate.session.credentials.EncryptionProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

class MasterKeyResolverTests {

    private static final String KEY_A = "hlHrMiC+EsLq42rflmatqo3uPtgeyIp1kprbyxOKRJA=";
    private static final String KEY_B = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private final DatabaseClient database = mock(DatabaseClient.class);

    @Test
    void refusesToStartWithoutAKeyOutsideTheLocalProfile() {
        assertThatThrownBy(() -> new MasterKeyResolver(new EncryptionProperties(Map.of(), null), false, database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wagate.sessions.encryption.keys");
    }

    @Test
    void theLocalProfileStartsWithoutAKey() {
        new MasterKeyResolver(new EncryptionProperties(Map.of(), null), true, database);
    }

    @Test
    void oneKeyIsActiveWithoutNamingIt() {
        var keys = new MasterKeyResolver(new EncryptionProperties(Map.of("k1", KEY_A), null), false, database).get();
        assertThat(keys.activeId()).isEqualTo("k1");
    }

    @Test
    void severalKeysNeedTheActiveId() {
        Map<String, String> two = Map.of("k1", KEY_A, "k2", KEY_B);
        assertThatThrownBy(() -> new MasterKeyResolver(new EncryptionProperties(two, null), false, database))
                .hasMessageContaining("active-key-id");
        var keys = new MasterKeyResolver(new EncryptionProperties(two, "k2"), false, database).get();
        assertThat(keys.activeId()).isEqualTo("k2");
        assertThat(keys.byId()).containsOnlyKeys("k1", "k2");
    }

    @Test
    void aMalformedKeyStopsTheStartWithoutEchoingIt() {
        String shortKey = "c2hvcnQta2V5";
        assertThatThrownBy(() -> new MasterKeyResolver(new EncryptionProperties(Map.of("k1", shortKey), null), false,
                database)).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(shortKey);
    }
}
