package io.wagate.support.app;

/** Topics of the library's tests (not platform topics). */
public final class TestTopics {

    public static final String EVENTS = "support.test.events";

    private TestTopics() {
    }
}
