package io.floodgate.audit.fairness;

import io.floodgate.contracts.sale.AdmissionRateChanged;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SaleResumed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Admissions minute by minute against the configured rate. The rate is a step function of time:
 * the sale's own, changed by operators, zero while paused and after closing. queue-service meters
 * with a token bucket that holds at most one second's worth, so a minute may admit up to that
 * much more than its own share.
 */
public final class AdmissionPace {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** The rate from {@code from} on. */
    private record Step(Instant from, int ratePerSecond) {
    }

    private final List<Step> steps = new ArrayList<>();

    /** The sale's rate, from its creation, with every operator action after it. */
    public AdmissionPace(Instant createdAt, int ratePerSecond, List<SaleEvent> actions) {
        steps.add(new Step(createdAt, ratePerSecond));
        int rate = ratePerSecond;
        boolean paused = false;
        boolean closed = false;
        for (SaleEvent e : actions) {
            if (e instanceof AdmissionRateChanged c) {
                rate = c.admissionRatePerSecond();
            } else if (e instanceof SalePaused) {
                paused = true;
            } else if (e instanceof SaleResumed) {
                paused = false;
            } else if (e instanceof SaleClosed) {
                closed = true;
            } else {
                continue;
            }
            steps.add(new Step(e.meta().occurredAt(), paused || closed ? 0 : rate));
        }
    }

    /** Minutes from {@code start} up to and including the one of the last admission. */
    public List<AdmissionMinute> minutes(Instant start, List<Instant> admissions) {
        if (admissions.isEmpty()) {
            return List.of();
        }
        long count = Math.max(0, Duration.between(start, admissions.get(admissions.size() - 1)).toMinutes()) + 1;
        long[] admitted = new long[(int) count];
        for (Instant at : admissions) {
            admitted[(int) Math.min(count - 1, Math.max(0, Duration.between(start, at).toMinutes()))]++;
        }
        List<AdmissionMinute> out = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            Instant from = start.plus(MINUTE.multipliedBy(m));
            double allowed = allowed(from, from.plus(MINUTE));
            long burst = Math.max(1, highest(from, from.plus(MINUTE)));
            out.add(new AdmissionMinute(m, from, admitted[m], Math.round(allowed * 10) / 10.0, burst,
                    admitted[m] <= allowed + burst));
        }
        return out;
    }

    /** Admissions the rate allows in [from, to). */
    double allowed(Instant from, Instant to) {
        double total = 0;
        for (int i = 0; i < steps.size(); i++) {
            Instant stepFrom = max(from, steps.get(i).from());
            Instant stepTo = i + 1 < steps.size() ? min(to, steps.get(i + 1).from()) : to;
            if (stepTo.isAfter(stepFrom)) {
                total += steps.get(i).ratePerSecond() * Duration.between(stepFrom, stepTo).toNanos() / 1e9;
            }
        }
        return total;
    }

    private int highest(Instant from, Instant to) {
        int highest = 0;
        for (int i = 0; i < steps.size(); i++) {
            Instant stepTo = i + 1 < steps.size() ? steps.get(i + 1).from() : Instant.MAX;
            if (steps.get(i).from().isBefore(to) && stepTo.isAfter(from)) {
                highest = Math.max(highest, steps.get(i).ratePerSecond());
            }
        }
        return highest;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
