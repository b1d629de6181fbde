package io.wagate.gateway.routing.internal;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import reactor.netty.http.client.HttpClient;

/**
 * Turns off Reactor Netty's built-in retry. By default the client repeats a request once when a pooled connection
 * turns out to be closed, whatever the method; for a POST that a service already received (a message send) that
 * would be a duplicate effect. The gateway never repeats a request on its own.
 */
public final class NoRetryHttpClientCustomizer implements HttpClientCustomizer {

    @Override
    public HttpClient customize(HttpClient httpClient) {
        return httpClient.disableRetry(true);
    }
}
