package io.wagate.auth.shared;

import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's address as the gateway saw it. auth-service is reachable only through the gateway, which appends
 * the address it accepted the connection from to {@code X-Forwarded-For}; earlier entries come from the client
 * and may be forged, so only the last one counts.
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    public static String of(ServerHttpRequest request) {
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        if (!forwarded.isEmpty()) {
            String last = forwarded.getLast().strip();
            if (!last.isEmpty() && last.length() <= MAX_LENGTH && last.matches("[0-9A-Fa-f:.\\[\\]]+")) {
                return last;
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null ? remote.getAddress().getHostAddress() : "unknown";
    }
}
