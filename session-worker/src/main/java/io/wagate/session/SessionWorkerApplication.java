package io.wagate.session;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SessionWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SessionWorkerApplication.class, args);
    }
}
