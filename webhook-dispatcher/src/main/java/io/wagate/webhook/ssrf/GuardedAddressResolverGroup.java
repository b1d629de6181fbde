package io.wagate.webhook.ssrf;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The HTTP client's resolver: every address a delivery connects to passes the {@link SsrfGuard}, including IP
 * literals (which Netty would otherwise treat as already resolved and never show to a resolver).
 */
public final class GuardedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private static final Executor LOOKUPS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("webhook-dns-", 0).factory());

    private final SsrfGuard guard;

    public GuardedAddressResolverGroup(SsrfGuard guard) {
        this.guard = guard;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new GuardedResolver(executor, guard);
    }

    private static final class GuardedResolver extends AbstractAddressResolver<InetSocketAddress> {

        private final SsrfGuard guard;

        GuardedResolver(EventExecutor executor, SsrfGuard guard) {
            super(executor, InetSocketAddress.class);
            this.guard = guard;
        }

        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            return false;
        }

        @Override
        protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
            lookup(address, promise, resolved -> new InetSocketAddress(resolved.getFirst(), address.getPort()));
        }

        @Override
        protected void doResolveAll(InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
            lookup(address, promise, resolved -> resolved.stream()
                    .map(one -> new InetSocketAddress(one, address.getPort())).toList());
        }

        /** Looks up on a virtual thread: a slow DNS server must not stall the event loop that serves other requests. */
        private <T> void lookup(InetSocketAddress address, Promise<T> promise, Function<List<InetAddress>, T> result) {
            LOOKUPS.execute(() -> {
                try {
                    promise.trySuccess(result.apply(addresses(address)));
                } catch (UnknownHostException | RuntimeException e) {
                    promise.tryFailure(e);
                }
            });
        }

        private List<InetAddress> addresses(InetSocketAddress address) throws UnknownHostException {
            String host = address.getHostString();
            if (!address.isUnresolved()) {
                List<InetAddress> given = List.of(address.getAddress());
                guard.check(host, given);
                return given;
            }
            // Blocking lookup as Netty's DefaultNameResolver does; the result is what the connection uses.
            return guard.resolve(host);
        }

        @Override
        public boolean isSupported(SocketAddress address) {
            return address instanceof InetSocketAddress;
        }
    }
}
