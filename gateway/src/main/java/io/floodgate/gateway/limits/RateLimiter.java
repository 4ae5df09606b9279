package io.floodgate.gateway.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets per key (an IP, a buyer): {@code perSecond} sustained, {@code burst} at once.
 * A bucket that has filled up again is forgotten, since a new one would be the same: the map holds
 * only the keys seen in the last {@code burst / perSecond} seconds (plus one sweep interval),
 * whatever the number of clients over time.
 */
public final class RateLimiter {
    private static final long SWEEP_EVERY_MS = 1_000;

    private final Clock clock;
    private final double perSecond;
    private final double burst;
    /** How long an untouched bucket takes to fill up from empty. */
    private final long refillMs;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** The sweep scans every bucket, so it runs at most once per {@link #SWEEP_EVERY_MS}. */
    private final AtomicLong nextSweepMs = new AtomicLong();

    private static final class Bucket {
        private double tokens;
        private long lastMs;

        Bucket(double tokens, long nowMs) {
            this.tokens = tokens;
            this.lastMs = nowMs;
        }
    }

    public RateLimiter(Clock clock, double perSecond, double burst) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = burst;
        this.refillMs = (long) Math.ceil(burst * 1000 / perSecond);
    }

    /** Empty if {@code key} may go ahead now; otherwise how long until it may. */
    public Optional<Duration> acquire(String key) {
        long nowMs = clock.millis();
        long sweepDue = nextSweepMs.get();
        if (nowMs >= sweepDue && nextSweepMs.compareAndSet(sweepDue, nowMs + SWEEP_EVERY_MS)) {
            buckets.values().removeIf(b -> nowMs - b.lastMs >= refillMs);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowMs));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (nowMs - bucket.lastMs) * perSecond / 1000.0);
            bucket.lastMs = nowMs;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) * 1000 / perSecond)));
        }
    }

    /** Keys remembered now. */
    public int size() {
        return buckets.size();
    }
}
