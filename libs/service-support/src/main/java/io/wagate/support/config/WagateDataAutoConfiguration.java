package io.wagate.support.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.EventCodec;
import io.wagate.support.kafka.EventInbox;
import io.wagate.support.kafka.EventPublisher;
import io.wagate.support.kafka.KafkaConventionsProperties;
import io.wagate.support.outbox.Outbox;
import io.wagate.support.outbox.OutboxProperties;
import io.wagate.support.outbox.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The outbox and the deduplicating inbox, for services with a database. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "io.wagate.support.config.WagateKafkaAutoConfiguration"})
@ConditionalOnClass(DatabaseClient.class)
@ConditionalOnBean({DatabaseClient.class, ReactiveTransactionManager.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class WagateDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(DatabaseClient database, TransactionalOperator transactions, EventPublisher publisher,
            OutboxProperties properties, MeterRegistry meters) {
        return new OutboxRelay(database, transactions, publisher::publishAllRaw, properties, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(DatabaseClient database, EventCodec codec, ObjectProvider<OutboxRelay> relay) {
        return new Outbox(database, codec, () -> relay.ifAvailable(OutboxRelay::nudge));
    }

    @Bean
    @ConditionalOnMissingBean
    EventInbox eventInbox(DatabaseClient database, TransactionalOperator transactions, EventCodec codec,
            MeterRegistry meters, KafkaConventionsProperties kafka) {
        return new EventInbox(database, transactions, codec, meters, kafka.handlerTimeout());
    }
}
