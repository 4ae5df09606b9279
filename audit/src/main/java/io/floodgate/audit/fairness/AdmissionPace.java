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
import java.util.TreeSet;

/**
 * Admissions minute by minute against the configured rate. The rate is a step function of time:
 * the sale's own, changed by operators, zero while paused and after closing (each change allowed
 * {@link #REACTION} to reach queue-service). queue-service meters with a token bucket that holds at
 * most one second's worth, so a minute may admit up to that much more than its own share.
 */
public final class AdmissionPace {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** How long queue-service may take to act on an operator's change (documented in docs/audit.md). */
    static final Duration REACTION = Duration.ofSeconds(5);

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
        steps.sort(java.util.Comparator.comparing(Step::from));
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
        List<Instant> points = breakpoints(from, to);
        double total = 0;
        for (int i = 0; i + 1 < points.size(); i++) {
            total += allowedRate(points.get(i)) * Duration.between(points.get(i), points.get(i + 1)).toNanos() / 1e9;
        }
        return total;
    }

    private int highest(Instant from, Instant to) {
        List<Instant> points = breakpoints(from, to);
        return points.subList(0, points.size() - 1).stream().mapToInt(this::allowedRate).max().orElse(0);
    }

    /**
     * The rate that may be in force at {@code at}: an operator's slowdown, pause or close reaches
     * queue-service through Kafka, behind whatever it is still processing, so the rate before it
     * is allowed for {@link #REACTION} after it.
     */
    private int allowedRate(Instant at) {
        return Math.max(rate(at), rate(at.minus(REACTION)));
    }

    private int rate(Instant at) {
        int rate = steps.get(0).ratePerSecond();
        for (Step s : steps) {
            if (!s.from().isAfter(at)) {
                rate = s.ratePerSecond();
            }
        }
        return rate;
    }

    /** Where the allowed rate can change within [from, to), with both ends. */
    private List<Instant> breakpoints(Instant from, Instant to) {
        TreeSet<Instant> points = new TreeSet<>(List.of(from, to));
        for (Step s : steps) {
            for (Instant p : List.of(s.from(), s.from().plus(REACTION))) {
                if (p.isAfter(from) && p.isBefore(to)) {
                    points.add(p);
                }
            }
        }
        return new ArrayList<>(points);
    }

}
