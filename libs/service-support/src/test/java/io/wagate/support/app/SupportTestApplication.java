package io.wagate.support.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that uses every convention of the library, for the library's own tests. */
@SpringBootApplication
public class SupportTestApplication {
}
