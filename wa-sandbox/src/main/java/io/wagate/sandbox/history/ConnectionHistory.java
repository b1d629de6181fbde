package io.wagate.sandbox.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Thread-safe log of connections. A device's interval starts when it logs in (not when the socket opened), because
 * before login the server cannot know whose connection it is.
 */
public final class ConnectionHistory {

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, ConnectionRecord> records = new ConcurrentHashMap<>();

    public ConnectionHistory(Clock clock) {
        this.clock = clock;
    }

    public long opened(String remoteAddress) {
        long id = ids.incrementAndGet();
        records.put(id, new ConnectionRecord(id, remoteAddress, clock.instant(), null, null, null, null));
        return id;
    }

    public void loggedIn(long id, String deviceJid) {
        Instant now = clock.instant();
        records.computeIfPresent(id, (key, r) -> new ConnectionRecord(r.id(), r.remoteAddress(), now, r.closedAt(),
                deviceJid, r.pairedDeviceJid(), r.closeReason()));
    }

    public void paired(long id, String deviceJid) {
        records.computeIfPresent(id, (key, r) -> new ConnectionRecord(r.id(), r.remoteAddress(), r.openedAt(),
                r.closedAt(), r.deviceJid(), deviceJid, r.closeReason()));
    }

    /** Records the first close only; later calls (socket teardown after a stream error) keep the first reason. */
    public void closed(long id, String reason) {
        Instant now = clock.instant();
        records.computeIfPresent(id, (key, r) -> r.closedAt() != null ? r
                : new ConnectionRecord(r.id(), r.remoteAddress(), r.openedAt(), now, r.deviceJid(),
                        r.pairedDeviceJid(), reason));
    }

    public @Nullable ConnectionRecord find(long id) {
        return records.get(id);
    }

    public List<ConnectionRecord> all() {
        List<ConnectionRecord> list = new ArrayList<>(records.values());
        list.sort(Comparator.comparingLong(ConnectionRecord::id));
        return list;
    }

    public List<ConnectionRecord> forDevice(String deviceJid) {
        return all().stream().filter(r -> deviceJid.equals(r.deviceJid())).toList();
    }

    /** Every pair of connections of one device that were live at the same time; empty when all is well. */
    public List<Overlap> overlaps() {
        Map<String, List<ConnectionRecord>> byDevice = new HashMap<>();
        for (ConnectionRecord record : all()) {
            if (record.deviceJid() != null) {
                byDevice.computeIfAbsent(record.deviceJid(), key -> new ArrayList<>()).add(record);
            }
        }
        List<Overlap> overlaps = new ArrayList<>();
        byDevice.forEach((device, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    if (list.get(i).overlaps(list.get(j))) {
                        overlaps.add(new Overlap(device, list.get(i), list.get(j)));
                    }
                }
            }
        });
        return overlaps;
    }
}
