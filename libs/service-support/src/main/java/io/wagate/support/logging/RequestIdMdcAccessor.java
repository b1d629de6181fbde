package io.wagate.support.logging;

import io.micrometer.context.ThreadLocalAccessor;
import io.wagate.support.web.RequestIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** Bridges the Reactor context key {@link RequestIds#CONTEXT_KEY} to the MDC entry of the same name. */
public final class RequestIdMdcAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return RequestIds.CONTEXT_KEY;
    }

    @Override
    public @Nullable String getValue() {
        return MDC.get(RequestIds.CONTEXT_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(RequestIds.CONTEXT_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(RequestIds.CONTEXT_KEY);
    }
}
