package io.wagate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The shipped settings are the production ones; tests lower the bcrypt cost only through their own properties. */
class ProductionSettingsTests {

    @Test
    void applicationYamlKeepsProductionStrength() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"));
        PropertySource<?> yaml = sources.getFirst();
        assertThat(yaml.getProperty("wagate.auth.password.bcrypt-cost")).isEqualTo(12);
        assertThat(yaml.getProperty("wagate.auth.tokens.access-token-ttl")).hasToString("10m");
        assertThat(yaml.getProperty("wagate.auth.signing.generate-local-key")).isEqualTo(false);
        assertThat(yaml.getProperty("wagate.auth.throttle.account-threshold")).isEqualTo(5);
        assertThat(yaml.getProperty("server.port")).isEqualTo(8081);
        assertThat(List.of("register", "login", "refresh", "logout", "jwks", "invites/accept"))
                .allSatisfy(path -> assertThat(sources.getFirst().getSource().toString()).contains("/api/auth/" + path));
    }
}
