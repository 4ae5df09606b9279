package io.floodgate.payment.calls;

import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.payment.metrics.PaymentMetrics;
import io.floodgate.payment.pacing.Pacer;
import io.floodgate.payment.pacing.SaleRates;
import io.floodgate.payment.provider.KeyInFlightException;
import io.floodgate.payment.provider.PaymentProvider;
import io.floodgate.payment.resilience.Backoff;
import io.floodgate.payment.resilience.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes a batch of calls to the provider through to their outcomes. Calls start no faster than
 * the {@link Pacer} allows (retries and probes included: every request the provider sees counts),
 * several may be in flight at once, and a call that gets no usable answer is retried with
 * backoff behind the {@link CircuitBreaker}: a checkout whose charge is unknown must not be treated
 * as declined. The oldest waiting call always goes first, so after an outage payments resume in
 * order. No single call can hold the others up: a call whose probe failed is not the next probe;
 * and a call that keeps failing while the provider answers others ({@code maxFailuresAlone} times)
 * is settled instead, by asking the provider what became of it, so that its batch ends and commits.
 */
public final class PacedCaller {
    private static final Logger LOG = LoggerFactory.getLogger(PacedCaller.class);
    private static final Duration MAX_NAP = Duration.ofMillis(250);

    /** Receives each outcome on the calling thread, as it comes. */
    @FunctionalInterface
    public interface Outcomes {
        void accept(ProviderCall call, PaymentEvent outcome) throws Exception;
    }

    /** Whether a call's next attempt asks again or settles (finds out what became of it). */
    private enum Step { ASK, SETTLE }

    private final PaymentProvider provider;
    private final Pacer pacer;
    private final SaleRates saleRates;
    private final CircuitBreaker circuit;
    private final Backoff backoff;
    private final Executor executor;
    private final int maxInFlight;
    private final int maxFailuresAlone;
    private final Clock clock;
    private final PaymentMetrics metrics;

    /**
     * @param pacer     the provider's pace, shared by everything that calls it
     * @param saleRates sales' own, slower paces for their charges; a charge waiting for its sale's
     *                  turn lets others (of other sales) go first
     * @param executor  where calls run while this thread paces the next ones
     * @param maxFailuresAlone failures of one call while the circuit stays closed (the provider
     *                         answering others) before the call is settled
     */
    public PacedCaller(PaymentProvider provider, Pacer pacer, SaleRates saleRates, CircuitBreaker circuit,
                       Backoff backoff, Executor executor, int maxInFlight, int maxFailuresAlone, Clock clock,
                       PaymentMetrics metrics) {
        if (maxFailuresAlone < 1) {
            throw new IllegalArgumentException("max failures alone must be at least 1, was " + maxFailuresAlone);
        }
        this.provider = provider;
        this.pacer = pacer;
        this.saleRates = saleRates;
        this.circuit = circuit;
        this.backoff = backoff;
        this.executor = executor;
        this.maxInFlight = maxInFlight;
        this.maxFailuresAlone = maxFailuresAlone;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A call waiting for its turn: its place in the batch decides the order. */
    private static final class Waiting {
        final int place;
        final ProviderCall call;
        int attempts;
        int probesFailed;
        int failuresAlone;
        Step step = Step.ASK;
        String lastFailure;
        Instant notBefore;

        Waiting(int place, ProviderCall call) {
            this.place = place;
            this.call = call;
        }

        boolean due(Instant now) {
            return notBefore == null || !notBefore.isAfter(now);
        }
    }

    /**
     * An attempt's end: its event, or why it got none ({@code answered}: the provider answered, but
     * is still deciding; else no usable answer).
     */
    private record Done(Waiting waiting, PaymentEvent outcome, String failure, boolean answered) {
    }

    /**
     * Runs every call to an outcome. {@code keepAlive} is run at least every second while waiting,
     * so the caller can keep its consumer in its group through a long outage.
     */
    public void run(List<? extends ProviderCall> calls, Outcomes outcomes, Runnable keepAlive) throws Exception {
        TreeMap<Integer, Waiting> waiting = new TreeMap<>();
        for (int i = 0; i < calls.size(); i++) {
            waiting.put(i, new Waiting(i, calls.get(i)));
        }
        BlockingQueue<Done> done = new LinkedBlockingQueue<>();
        metrics.waiting(calls.size());
        int finished = 0;
        try {
            int inFlight = 0;
            Instant lastKeptAlive = clock.instant();
            while (finished < calls.size()) {
                for (Done d = done.poll(); d != null; d = done.poll()) {
                    inFlight--;
                    Waiting w = d.waiting();
                    PaymentEvent outcome = d.outcome();
                    if (outcome == null) {
                        outcome = retryOrGiveUp(w, d, waiting);
                    }
                    if (outcome != null) {
                        finished++;
                        metrics.waiting(-1);
                        // The provider answers: calls backing off from earlier failures go now, in order.
                        waiting.values().forEach(other -> other.notBefore = null);
                        outcomes.accept(w.call, outcome);
                    }
                }
                if (finished == calls.size()) {
                    break;
                }
                Duration nap = inFlight < maxInFlight ? startNext(waiting, done) : MAX_NAP;
                if (nap.isZero()) {
                    inFlight++;
                    continue;
                }
                Instant now = clock.instant();
                if (Duration.between(lastKeptAlive, now).toMillis() >= 1_000) {
                    keepAlive.run();
                    lastKeptAlive = now;
                }
                Done next = done.poll(Math.max(1, nap.toMillis()), TimeUnit.MILLISECONDS);
                if (next != null) {
                    done.add(next); // handled at the top, with any others that came
                }
            }
        } finally {
            metrics.waiting(finished - calls.size()); // calls left behind by a failed batch come back with it
        }
    }

    /**
     * An attempt without an outcome: the call waits for its next attempt, or, if it failed alone
     * even while settling, is given up (its event returned).
     */
    private PaymentEvent retryOrGiveUp(Waiting w, Done d, TreeMap<Integer, Waiting> waiting) {
        w.attempts++;
        w.lastFailure = d.failure();
        boolean alone = circuit.state() == CircuitBreaker.State.CLOSED;
        if (alone && !d.answered() && w.step == Step.SETTLE) {
            LOG.error("provider call for hold {} failed again while settling, given up: {}", w.call.holdId(),
                    d.failure());
            metrics.gaveUp(w.call);
            return w.call.abandon(clock, d.failure());
        }
        // A key in flight counts too: the provider may never finish the request it lost.
        if (alone && ++w.failuresAlone >= maxFailuresAlone) {
            w.step = Step.SETTLE;
        }
        if (alone) {
            w.notBefore = clock.instant().plus(backoff.delay(w.attempts));
        } else {
            // The circuit decides when to try again; the next probe is another call's.
            w.notBefore = null;
            w.probesFailed++;
        }
        waiting.put(w.place, w);
        LOG.warn("provider call for hold {} got no outcome (attempt {}), {}: {}", w.call.holdId(), w.attempts,
                w.step == Step.SETTLE ? "settling it" : "retrying", d.failure());
        return null;
    }

    /** Starts the oldest due call if pace and circuit allow (returns zero); else how long to wait. */
    private Duration startNext(TreeMap<Integer, Waiting> waiting, BlockingQueue<Done> done) {
        Instant now = clock.instant();
        Duration nap = MAX_NAP;
        Waiting next = null;
        // While the circuit is not closed the next call is its probe: the oldest of those that failed
        // fewest probes, so that a call the provider fails for reasons of its own cannot keep it shut.
        boolean probe = circuit.state() != CircuitBreaker.State.CLOSED;
        for (Waiting w : waiting.values()) {
            Duration wait = w.due(now) ? ownPacer(w).map(Pacer::untilNext).orElse(Duration.ZERO)
                    : Duration.between(now, w.notBefore);
            if (wait.isZero()) {
                if (next == null || w.probesFailed < next.probesFailed) {
                    next = w;
                }
                if (!probe || next.probesFailed == 0) {
                    break;
                }
            } else {
                nap = shorter(nap, wait);
            }
        }
        if (next == null) {
            return nap;
        }
        Duration closed = circuit.untilNextCall();
        if (!closed.isZero()) {
            return shorter(closed, MAX_NAP);
        }
        Duration pace = pacer.tryStart();
        if (!pace.isZero()) {
            return shorter(pace, MAX_NAP);
        }
        Duration gate = circuit.tryAcquire(); // another thread may have taken the probe meanwhile
        if (!gate.isZero()) {
            return shorter(gate, MAX_NAP);
        }
        ownPacer(next).ifPresent(Pacer::tryStart); // free (checked above); only charges, on one thread, take these
        Waiting started = next;
        waiting.remove(started.place);
        executor.execute(() -> done.add(attempt(started)));
        return Duration.ZERO;
    }

    private Optional<Pacer> ownPacer(Waiting w) {
        return w.call instanceof ChargeCall ? saleRates.pacer(w.call.saleId()) : Optional.empty();
    }

    /**
     * One call, on a worker thread. It tells the circuit itself, so the circuit learns the answer
     * even if the batch that started the call has given up meanwhile (a probe must never be lost).
     */
    private Done attempt(Waiting w) {
        long started = System.nanoTime();
        try {
            PaymentEvent outcome = w.step == Step.SETTLE ? w.call.settle(provider, clock, w.lastFailure)
                    : w.call.call(provider, clock);
            circuit.succeeded();
            metrics.answered(w.call, outcome, Duration.ofNanos(System.nanoTime() - started));
            return new Done(w, outcome, null, false);
        } catch (KeyInFlightException e) {
            circuit.succeeded(); // the provider answers: it is up, just not done with this key
            metrics.inFlight(w.call, Duration.ofNanos(System.nanoTime() - started));
            return new Done(w, null, e.getMessage(), true);
        } catch (Throwable e) {
            // Unknown outcome (or our own bug): retry with the same idempotency key, never give up silently.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            circuit.failed(why);
            metrics.failed(w.call, Duration.ofNanos(System.nanoTime() - started));
            return new Done(w, null, why, false);
        }
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
