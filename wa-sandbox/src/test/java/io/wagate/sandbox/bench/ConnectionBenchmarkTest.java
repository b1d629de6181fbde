package io.wagate.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.client.ClientEvent;
import io.wagate.engine.client.EngineConfig;
import io.wagate.engine.client.WhatsAppClient;
import io.wagate.engine.store.InMemoryCredentialStore;
import io.wagate.sandbox.SandboxServer;
import io.wagate.sandbox.support.Provisioning;
import io.wagate.sandbox.support.SandboxApiClient;
import io.wagate.sandbox.support.SandboxTestSupport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 1,000 linked engine clients against one sandbox in this JVM: time to connect them all, and heap per idle
 * connected session. Not part of the default build; run with {@code ./mvnw -q -pl wa-sandbox -am -Psandbox-bench verify}.
 * With {@code -Dbench.sandbox=http://host:port} the clients connect to a sandbox in another process instead, so the
 * heap figure is the engine's alone.
 */
@Tag("bench")
class ConnectionBenchmarkTest {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 1_000);

    @Test
    void thousandIdleSessions() throws Exception {
        String external = System.getProperty("bench.sandbox", "");
        try (Target target = external.isBlank() ? Target.inProcess() : Target.external(URI.create(external))) {
            EngineConfig config = target.config().toBuilder()
                    .connectTimeout(Duration.ofSeconds(60)).iqTimeout(Duration.ofSeconds(60)).build();
            List<InMemoryCredentialStore> stores = new ArrayList<>(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                stores.add(target.linkedStore());
            }
            warmUp(config, target.linkedStore());
            long before = usedHeapAfterGc();

            List<WhatsAppClient> clients = new ArrayList<>(CLIENTS);
            CountDownLatch connected = new CountDownLatch(CLIENTS);
            AtomicInteger failures = new AtomicInteger();
            long start = System.nanoTime();
            for (InMemoryCredentialStore store : stores) {
                WhatsAppClient client = new WhatsAppClient(config, store);
                clients.add(client);
                client.connect().subscribe(new CountingSubscriber(connected, failures));
            }
            boolean all = connected.await(120, TimeUnit.SECONDS);
            long connectMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(all).as("all connected; failures " + failures.get()).isTrue();

            Thread.sleep(2_000);  // let handshake garbage and thread-local caches settle
            long after = usedHeapAfterGc();
            long perSession = (after - before) / CLIENTS;
            long live = target.liveDeviceConnections();
            System.out.printf("BENCH sandbox=%s clients=%d connectAllMs=%d heapBefore=%dKB heapAfter=%dKB "
                            + "heapPerSessionKB=%.1f liveDeviceConnections=%d failures=%d%n",
                    external.isBlank() ? "in-process" : external, CLIENTS, connectMillis, before / 1024,
                    after / 1024, perSession / 1024.0, live, failures.get());
            if (Boolean.getBoolean("bench.histogram")) {
                System.out.println(histogram());
            }
            clients.forEach(WhatsAppClient::close);
            assertThat(live).isGreaterThanOrEqualTo(CLIENTS);
            assertThat(target.overlaps()).isZero();
        }
    }

    /** Where the sandbox runs: in this JVM (heap counts both ends) or in another process (engine side only). */
    private interface Target extends AutoCloseable {
        EngineConfig config();

        InMemoryCredentialStore linkedStore();

        long liveDeviceConnections();

        long overlaps();

        @Override
        void close();

        static Target inProcess() {
            SandboxServer sandbox = SandboxTestSupport.startSandbox();
            return new Target() {
                @Override
                public EngineConfig config() {
                    return SandboxTestSupport.engineConfig(sandbox);
                }

                @Override
                public InMemoryCredentialStore linkedStore() {
                    return Provisioning.linkedStore(sandbox, 50);
                }

                @Override
                public long liveDeviceConnections() {
                    return sandbox.history().all().stream().filter(r -> r.live() && r.deviceJid() != null).count();
                }

                @Override
                public long overlaps() {
                    return sandbox.history().overlaps().size();
                }

                @Override
                public void close() {
                    sandbox.close();
                }
            };
        }

        static Target external(URI base) {
            SandboxApiClient api = new SandboxApiClient(base);
            byte[] rootKey = HexFormat.of().parseHex(api.get("/api/sandbox/root-key").body().get("hex").asString());
            URI endpoint = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/chat");
            return new Target() {
                @Override
                public EngineConfig config() {
                    return EngineConfig.builder().endpoint(endpoint).rootPublicKey(rootKey).build();
                }

                @Override
                public InMemoryCredentialStore linkedStore() {
                    return Provisioning.linkedStore(api, 50);
                }

                @Override
                public long liveDeviceConnections() {
                    JsonNode records = api.get("/api/sandbox/connections?live=true").body();
                    long count = 0;
                    for (JsonNode record : records) {
                        if (!record.get("deviceJid").isNull()) {
                            count++;
                        }
                    }
                    return count;
                }

                @Override
                public long overlaps() {
                    return api.get("/api/sandbox/connections/overlaps").body().size();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static void warmUp(EngineConfig config, InMemoryCredentialStore store) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        WhatsAppClient client = new WhatsAppClient(config, store);
        client.connect().subscribe(new CountingSubscriber(latch, new AtomicInteger()));
        latch.await(10, TimeUnit.SECONDS);
        client.close();
        Thread.sleep(200);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String histogram() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) server.invoke(name, "gcClassHistogram", new Object[] {new String[0]},
                new String[] {String[].class.getName()});
        return text.lines().limit(45).reduce("", (a, b) -> a + b + "\n");
    }

    private static final class CountingSubscriber implements Flow.Subscriber<ClientEvent> {
        private final CountDownLatch connected;
        private final AtomicInteger failures;

        CountingSubscriber(CountDownLatch connected, AtomicInteger failures) {
            this.connected = connected;
            this.failures = failures;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ClientEvent event) {
            if (event instanceof ClientEvent.Connected) {
                connected.countDown();
            } else if (event instanceof ClientEvent.Disconnected disconnected
                    && disconnected.reason() != io.wagate.engine.client.DisconnectReason.CLIENT_CLOSED) {
                failures.incrementAndGet();
                System.out.println("BENCH disconnected: " + disconnected);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            failures.incrementAndGet();
        }

        @Override
        public void onComplete() {
        }
    }
}
