package io.floodgate.queue.admission;

/**
 * How many buyers may be admitted now: the control loop's one rule,
 * min(rate budget, max active − active now, buyers the remaining stock can still serve, waiting).
 * Every shopper admitted without a hold yet will need at least one free seat, so the stock can
 * serve {@code free − shoppersWithoutHold} more.
 */
public final class AdmissionBudget {
    private AdmissionBudget() {
    }

    public static long of(long rateBudget, long maxActive, long active, long freeSeats, long shoppersWithoutHold,
                          long waiting) {
        long capacity = maxActive - active;
        long servable = freeSeats - shoppersWithoutHold;
        return Math.max(0, Math.min(Math.min(rateBudget, waiting), Math.min(capacity, servable)));
    }
}
