package io.wagate.session.credentials;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Master keys for the credentials at rest.
 *
 * @param keys key id to Base64 of 32 random bytes; old keys stay listed until no row names them
 * @param activeKeyId the key new writes use; may be omitted when exactly one key is configured
 */
@ConfigurationProperties("wagate.sessions.encryption")
public record EncryptionProperties(@DefaultValue Map<String, String> keys, @Nullable String activeKeyId) {

    public EncryptionProperties {
        keys = Map.copyOf(keys);
    }
}
