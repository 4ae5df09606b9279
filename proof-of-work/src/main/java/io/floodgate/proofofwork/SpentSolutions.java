package io.floodgate.proofofwork;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The solutions already used on this gateway instance, each kept until its challenge expires (after
 * which it is refused as expired anyway), and never more than {@code capacity}: when full, the one
 * that expires first leaves early. Only genuine, unexpired solutions enter, so filling it costs a
 * solve per entry. It tells a first use from a rejoin ({@link Verdict#REJOIN}), which is let through
 * anyway: a solution serves only its own identity, whose joins keep its one place (docs/security.md,
 * "Proof of work"); so one forgotten early changes only what is counted.
 */
final class SpentSolutions {
    private record Spent(long key, long expiresAtSecond) {
    }

    private final int capacity;
    private final Map<Long, Spent> spent = new HashMap<>();
    private final PriorityQueue<Spent> byExpiry = new PriorityQueue<>(Comparator.comparingLong(Spent::expiresAtSecond));
    private long evictedEarly;

    SpentSolutions(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** True the first time {@code key} is spent; false while a previous spend of it is remembered. */
    synchronized boolean spend(long key, Instant expiresAt, Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAtSecond() <= now.getEpochSecond()) {
            spent.remove(byExpiry.poll().key());
        }
        if (spent.containsKey(key)) {
            return false;
        }
        if (spent.size() >= capacity) {
            spent.remove(byExpiry.poll().key());
            evictedEarly++;
        }
        Spent entry = new Spent(key, expiresAt.getEpochSecond());
        spent.put(key, entry);
        byExpiry.add(entry);
        return true;
    }

    synchronized int size() {
        return spent.size();
    }

    /** Solutions forgotten before their expiry because the cache was full: a sign it is too small. */
    synchronized long evictedEarly() {
        return evictedEarly;
    }
}
