package io.wagate.webhook.delivery;

import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The jobs of one partition that one consumer took up, finished in any order. Only the offset below which every
 * job is finished may be committed: a job in flight (its attempt not yet logged, its follow-up not yet published)
 * keeps the commit at its offset, so after a crash it and everything after it is consumed again (duplicates carry
 * the same webhook id).
 */
final class PartitionProgress {

    private final ConcurrentSkipListSet<Long> inFlight = new ConcurrentSkipListSet<>();
    /** Written by the consumer thread only. */
    private volatile long next;
    private long committed = -1;

    PartitionProgress(long firstOffset) {
        this.next = firstOffset;
    }

    /** Called on the consumer thread, in offset order, for a job that is now in flight. */
    void started(long offset) {
        inFlight.add(offset);
        next = offset + 1;
    }

    /** Called on the consumer thread for a record that needed no work. */
    void skipped(long offset) {
        next = offset + 1;
    }

    /** Called from any thread when a job's work is done. */
    void finished(long offset) {
        inFlight.remove(offset);
    }

    /** The offset to commit (the next record to read after a restart). */
    long committable() {
        long upTo = next;
        Long oldest = inFlight.ceiling(Long.MIN_VALUE);
        return oldest == null ? upTo : Math.min(oldest, upTo);
    }

    /** The committable offset if it moved since the last commit, else -1; marks it committed. */
    long toCommit() {
        long offset = committable();
        if (offset <= committed) {
            return -1;
        }
        committed = offset;
        return offset;
    }
}
