package io.wagate.webhook.ssrf;

import java.net.UnknownHostException;

/**
 * A host resolved to an address webhooks may not reach. An {@link UnknownHostException} so that HTTP clients treat
 * it as a failed resolution (no connection is attempted).
 */
public class ForbiddenAddressException extends UnknownHostException {

    public ForbiddenAddressException(String host) {
        super("Webhook host " + host + " resolves to a forbidden address");
    }
}
