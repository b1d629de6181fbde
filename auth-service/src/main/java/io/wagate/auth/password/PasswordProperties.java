package io.wagate.auth.password;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password settings.
 *
 * @param bcryptCost bcrypt work factor; 12 (about a quarter second per hash) in production. Tests set 4 through
 *     this property only, because every test sign-up and login hashes and the module's tests must stay fast.
 */
@ConfigurationProperties("wagate.auth.password")
public record PasswordProperties(@DefaultValue("12") int bcryptCost) {

    public PasswordProperties {
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("wagate.auth.password.bcrypt-cost must be 4..31");
        }
    }
}
