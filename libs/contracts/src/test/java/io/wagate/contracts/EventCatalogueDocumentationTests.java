package io.wagate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/events.md true: every catalogued type and every topic is documented. */
class EventCatalogueDocumentationTests {

    @Test
    void everyEventTypeAndTopicIsInTheCatalogue() throws Exception {
        Path catalogue = Path.of("../../docs/events.md");
        String text = Files.readString(catalogue);
        assertThat(EventCatalog.standard().entries().keySet()).allSatisfy(type ->
                assertThat(text).as("docs/events.md documents %s", type).contains("`" + type + "`"));
        assertThat(Topics.all()).allSatisfy(topic ->
                assertThat(text).as("docs/events.md documents topic %s", topic).contains("`" + topic + "`"));
    }
}
