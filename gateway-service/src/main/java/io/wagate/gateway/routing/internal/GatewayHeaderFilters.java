package io.wagate.gateway.routing.internal;

import java.util.Set;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Takes Spring Cloud Gateway's header filters whose work {@link ServiceRequestHeadersFilter} and
 * {@link ServiceResponseHeadersFilter} do in one pass out of the context. Spring Cloud Gateway offers no switch for
 * them (they exist whenever no trusted proxies are configured), and each copied every header of every request.
 * The gateway's tests check which header filters run, so a renamed bean in a new version shows up there.
 */
public final class GatewayHeaderFilters implements BeanDefinitionRegistryPostProcessor {

    /** Bean names in Spring Cloud Gateway's {@code GatewayAutoConfiguration}. */
    static final Set<String> REPLACED = Set.of("removeHopByHopHeadersFilter", "removeForwardedHeadersFilter",
            "removeXForwardedHeadersFilter");

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        for (String name : REPLACED) {
            if (registry.containsBeanDefinition(name)) {
                registry.removeBeanDefinition(name);
            }
        }
    }
}
