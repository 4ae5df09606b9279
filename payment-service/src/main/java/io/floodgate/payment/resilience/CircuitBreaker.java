package io.floodgate.payment.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a provider that keeps failing, and probes it now and then until it answers.
 * Closed: every call may go. After {@code failureThreshold} failures in a row it opens: no call
 * goes for {@code openFor} (doubling on each failed probe, up to {@code maxOpenFor}). Then one
 * probe goes (half-open); its success closes the circuit. The listener hears of the opening, of
 * each failed probe, and of the closing. Thread-safe.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** Told when the provider is judged unavailable, and when it answers again. Called outside the lock. */
    public interface Listener {
        void opened(String reason, Instant since);

        void closed(Duration unavailableFor);
    }

    /** How long to wait before asking again while the probe is out. */
    private static final Duration PROBE_WAIT = Duration.ofMillis(100);

    private final Clock clock;
    private final int failureThreshold;
    private final Duration openFor;
    private final Duration maxOpenFor;
    private final Listener listener;

    private State state = State.CLOSED;
    /** False until the first success after a start, which says the provider is available even if nothing failed. */
    private boolean announcedAvailable;
    private int failuresInARow;
    private Instant firstFailure;
    private Instant openedAt;
    private Duration currentOpenFor;
    private Instant openUntil;

    public CircuitBreaker(Clock clock, int failureThreshold, Duration openFor, Duration maxOpenFor, Listener listener) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure threshold must be at least 1");
        }
        this.clock = clock;
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.maxOpenFor = maxOpenFor;
        this.listener = listener;
        this.currentOpenFor = openFor;
    }

    /** Zero if a call may go now (taking the probe's place when half-open); else how long to wait. */
    public synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        return switch (state) {
            case CLOSED -> Duration.ZERO;
            case HALF_OPEN -> PROBE_WAIT;
            case OPEN -> {
                if (now.isBefore(openUntil)) {
                    yield Duration.between(now, openUntil);
                }
                state = State.HALF_OPEN;
                yield Duration.ZERO;
            }
        };
    }

    /** Like {@link #tryAcquire} but takes nothing: zero if a call could go now. */
    public synchronized Duration untilNextCall() {
        return switch (state) {
            case CLOSED -> Duration.ZERO;
            case HALF_OPEN -> PROBE_WAIT;
            case OPEN -> {
                Instant now = clock.instant();
                yield now.isBefore(openUntil) ? Duration.between(now, openUntil) : Duration.ZERO;
            }
        };
    }

    public void succeeded() {
        Duration unavailableFor;
        synchronized (this) {
            failuresInARow = 0;
            firstFailure = null;
            if (state == State.CLOSED && announcedAvailable) {
                return;
            }
            // An instance that restarts while others (or it, before) said "unavailable" must say it recovered.
            unavailableFor = state == State.CLOSED ? Duration.ZERO : Duration.between(openedAt, clock.instant());
            state = State.CLOSED;
            announcedAvailable = true;
            currentOpenFor = openFor;
        }
        listener.closed(unavailableFor);
    }

    public void failed(String reason) {
        Instant since;
        synchronized (this) {
            Instant now = clock.instant();
            failuresInARow++;
            if (firstFailure == null) {
                firstFailure = now;
            }
            if (state == State.HALF_OPEN) {
                // Said again at each failed probe: with several instances, another's "recovered"
                // must not stand while this one still cannot get through.
                currentOpenFor = min(currentOpenFor.multipliedBy(2), maxOpenFor);
                state = State.OPEN;
                openUntil = now.plus(currentOpenFor);
                since = openedAt;
            } else if (state == State.OPEN || failuresInARow < failureThreshold) {
                return;
            } else {
                state = State.OPEN;
                openedAt = firstFailure;
                openUntil = now.plus(currentOpenFor);
                since = firstFailure;
            }
        }
        listener.opened(reason, since);
    }

    public synchronized State state() {
        return state;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
