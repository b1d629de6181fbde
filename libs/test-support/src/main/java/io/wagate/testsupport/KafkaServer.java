package io.wagate.testsupport;

/** A running Kafka broker (KRaft). Topics are auto-created on first use. */
public record KafkaServer(String bootstrapServers) {
}
