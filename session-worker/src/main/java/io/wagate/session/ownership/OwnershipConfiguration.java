package io.wagate.session.ownership;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** Puts {@link PartitionOwnership} on the command listener's container (the module's only listener). */
@Configuration(proxyBeanMethods = false)
class OwnershipConfiguration {

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> ownershipOnRebalance(
            PartitionOwnership ownership) {
        return container -> container.getContainerProperties().setConsumerRebalanceListener(ownership);
    }
}
