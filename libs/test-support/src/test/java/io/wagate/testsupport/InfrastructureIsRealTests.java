package io.wagate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Proves the servers are the real thing, by features no fake would have. */
@WagateInfrastructure
class InfrastructureIsRealTests {

    @Test
    void postgresRunsPostgresSpecificSql(TestInfrastructure infrastructure) throws Exception {
        try (Connection connection = infrastructure.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE doc (id int PRIMARY KEY, body jsonb NOT NULL)");
            statement.execute("INSERT INTO doc VALUES (1, '{\"tags\":[\"a\",\"b\"]}') ON CONFLICT (id) DO NOTHING");
            statement.execute("INSERT INTO doc VALUES (1, '{\"tags\":[]}') ON CONFLICT (id) DO NOTHING");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT jsonb_array_length(body->'tags'), current_setting('server_version_num')::int FROM doc")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(2);
                assertThat(rows.getInt(2)).isGreaterThanOrEqualTo(140000);
            }
        }
    }

    @Test
    void eachTestClassGetsItsOwnDatabase(TestInfrastructure infrastructure) throws Exception {
        TestDatabase other = infrastructure.postgres().createDatabase();
        assertThat(other.name()).isNotEqualTo(infrastructure.database().name());
        try (Connection connection = other.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void redisIncrements(TestInfrastructure infrastructure) {
        RedisClient client = RedisClient.create(infrastructure.redisUri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String key = "counter:" + UUID.randomUUID();
            assertThat(connection.sync().incr(key)).isEqualTo(1);
            assertThat(connection.sync().incrby(key, 41)).isEqualTo(42);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void kafkaRoundTripsARecord(TestInfrastructure infrastructure) {
        String topic = "infra-check-" + UUID.randomUUID();
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key-1", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "infra-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(200));
            }
            assertThat(records.count()).isEqualTo(1);
            var record = records.iterator().next();
            assertThat(record.key()).isEqualTo("key-1");
            assertThat(record.value()).isEqualTo("hello");
        }
    }
}
