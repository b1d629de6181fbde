package io.wagate.instance.status;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.message.MessageReceived;
import io.wagate.contracts.message.MessageStatus;
import io.wagate.contracts.message.MessageStatusChanged;
import io.wagate.instance.status.internal.ProjectionRows;
import io.wagate.support.kafka.EventInbox;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Counts messages per instance and day: inbound messages and outbound messages once they are SENT. */
@Component
class MessageEventsListener {

    static final String CONSUMER = "instance-service.messages";

    private final EventInbox inbox;
    private final ProjectionRows rows;

    MessageEventsListener(EventInbox inbox, ProjectionRows rows) {
        this.inbox = inbox;
        this.rows = rows;
    }

    @KafkaListener(topics = Topics.MESSAGE_EVENTS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.consume(CONSUMER, record, this::count);
    }

    private Mono<Void> count(CloudEvent<?> event) {
        boolean counted = event.data() instanceof MessageReceived
                || event.data() instanceof MessageStatusChanged changed && changed.status() == MessageStatus.SENT;
        if (!counted || event.tenantId() == null || event.instanceId() == null) {
            return Mono.empty();
        }
        try {
            return rows.countMessage(UUID.fromString(event.tenantId()), UUID.fromString(event.instanceId()),
                    LocalDate.ofInstant(event.time(), ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            return Mono.empty();
        }
    }
}
