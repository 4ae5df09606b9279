package io.floodgate.gateway.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets per key (an IP, a buyer): {@code perSecond} sustained, {@code burst} at once.
 * Idle buckets are forgotten once there are more than {@code maxKeys}, so memory stays bounded
 * whatever the number of clients.
 */
public final class RateLimiter {
    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final long SWEEP_EVERY_MS = 1_000;

    private final Clock clock;
    private final double perSecond;
    private final double burst;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** The sweep for idle buckets scans them all, so it runs at most once per {@link #SWEEP_EVERY_MS}. */
    private final AtomicLong nextSweepMs = new AtomicLong();

    private static final class Bucket {
        private double tokens;
        private long lastMs;

        Bucket(double tokens, long nowMs) {
            this.tokens = tokens;
            this.lastMs = nowMs;
        }
    }

    public RateLimiter(Clock clock, double perSecond, double burst, int maxKeys) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
    }

    /** Empty if {@code key} may go ahead now; otherwise how long until it may. */
    public Optional<Duration> acquire(String key) {
        long nowMs = clock.millis();
        long sweepDue = nextSweepMs.get();
        if (buckets.size() > maxKeys && nowMs >= sweepDue && nextSweepMs.compareAndSet(sweepDue, nowMs + SWEEP_EVERY_MS)) {
            buckets.values().removeIf(b -> nowMs - b.lastMs > IDLE.toMillis());
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
}
