package io.wagate.webhook.ssrf;

import io.wagate.webhook.WebhookProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Resolves a webhook host and refuses it when any of its addresses is forbidden, unless the host is in
 * {@code wagate.webhooks.allowed-private-hosts}. Any forbidden address fails the whole host: a name that mixes
 * public and internal records would otherwise let the connection land on the internal one.
 */
@Component
public class SsrfGuard {

    private final WebhookProperties properties;

    public SsrfGuard(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The host's addresses, all allowed; blocking (DNS), so call it off the event loop or where blocking is fine. */
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
        check(host, addresses);
        return addresses;
    }

    public void check(String host, List<InetAddress> addresses) throws ForbiddenAddressException {
        if (properties.privateAllowed(host)) {
            return;
        }
        for (InetAddress address : addresses) {
            if (AddressPolicy.forbidden(address)) {
                throw new ForbiddenAddressException(host);
            }
        }
    }
}
