package io.floodgate.queue.line;

import io.floodgate.contracts.queue.SeededPermutation;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.contracts.sale.Stock;
import io.floodgate.queue.admission.AdmissionBudget;
import io.floodgate.queue.admission.AdmissionMeter;

/**
 * One sale's line as queue-service keeps it.
 *
 * @param preQueueSize    buyers who arrived before opening (fixed once the line opens)
 * @param seed            the draw that ordered the pre-queue, revealed: null until the line opens
 * @param draw            the draw committed to before the first arrival; null only for a line
 *                        from before commitments (drawn at its next arrival or opening, see
 *                        {@link QueueProcessor}). Drawn is not opened: {@link #opened()} is the seed.
 * @param lastSequence    the highest place given (places are 1-based and dense; the pre-queue
 *                        holds places 1 to preQueueSize)
 * @param admittedThrough every place up to and including this one has been admitted
 * @param stock           the sale's seats: free, held, sold
 * @param shoppers        admitted buyers still shopping
 * @param closedAtMs      when queue-service learnt the sale closed, or 0 while it is open
 */
public record SaleLine(SaleState sale, long preQueueSize, Long seed, Draw draw, long lastSequence, long admittedThrough,
                       AdmissionMeter meter, Stock stock, Shoppers shoppers, long lastArrivalMs, long closedAtMs) {

    public static SaleLine of(SaleState sale, long nowMs) {
        return new SaleLine(sale, 0, null, null, 0, 0, AdmissionMeter.startingAt(nowMs), Stock.of(sale.config()),
                Shoppers.NONE, 0, 0);
    }

    /**
     * Whether a tick may open the line: {@code grace} after opening time, and only once arrivals
     * have been quiet for {@code grace}. While queue-service is still working through a backlog of
     * arrivals made before opening, they keep arriving; opening then would put them behind the draw.
     * (An arrival made after opening opens the line at once: everything before it in the sale's
     * partition has been read.)
     */
    public boolean dueToOpen(long nowMs, long graceMs) {
        return !opened() && !sale.closed() && nowMs >= sale.config().opensAt().toEpochMilli() + graceMs
                && nowMs - lastArrivalMs >= graceMs;
    }

    public SaleLine arrivalAt(long nowMs) {
        return new SaleLine(sale, preQueueSize, seed, draw, lastSequence, admittedThrough, meter, stock, shoppers, nowMs, closedAtMs);
    }

    public String saleId() {
        return sale.saleId();
    }

    public boolean opened() {
        return seed != null;
    }

    /** Whether the draw has been made (and committed to); the line may still be closed to the draw. */
    public boolean drawn() {
        return draw != null;
    }

    public SaleLine withDraw(Draw made) {
        return new SaleLine(sale, preQueueSize, seed, made, lastSequence, admittedThrough, meter, stock, shoppers,
                lastArrivalMs, closedAtMs);
    }

    public long waiting() {
        return lastSequence - admittedThrough;
    }

    /** Whether admissions may flow now: open, not paused, not closed. */
    public boolean admitting() {
        return opened() && !sale.paused() && !sale.closed();
    }

    public SeededPermutation preQueueOrder() {
        return new SeededPermutation(seed, preQueueSize);
    }

    /** The sale changed at {@code nowMs}; a close is dated, for the clean-up after it. */
    public SaleLine withSale(SaleState changed, long nowMs) {
        return new SaleLine(changed, preQueueSize, seed, draw, lastSequence, admittedThrough, meter, stock, shoppers,
                lastArrivalMs, changed.closed() && closedAtMs == 0 ? nowMs : closedAtMs);
    }

    /**
     * Whether the sale closed at least {@code graceMs} ago, so its line can go: nobody is admitted
     * from a closed line again. (A line closed before closes were dated counts from {@code nowMs}.)
     */
    public boolean closedLongerThan(long graceMs, long nowMs) {
        return sale.closed() && closedAtMs > 0 && nowMs - closedAtMs >= graceMs;
    }

    public SaleLine withPreQueued() {
        return new SaleLine(sale, preQueueSize + 1, seed, draw, lastSequence, admittedThrough, meter, stock, shoppers,
                lastArrivalMs, closedAtMs);
    }

    /**
     * Opens the line, revealing its draw: the pre-queue takes places 1 to preQueueSize in the
     * order drawn from the committed seed. Admission credit accrues from opening time (at most a
     * second's worth).
     */
    public SaleLine open(long nowMs) {
        if (draw == null) {
            throw new IllegalStateException("sale " + saleId() + " opens without a draw");
        }
        return openedWith(draw.seed(), nowMs);
    }

    /** Opens a line from before commitments whose pre-queue filled before it could be committed. */
    public SaleLine openUncommitted(long drawnSeed, long nowMs) {
        return openedWith(drawnSeed, nowMs);
    }

    private SaleLine openedWith(long drawnSeed, long nowMs) {
        long meterStart = Math.min(nowMs, sale.config().opensAt().toEpochMilli());
        return new SaleLine(sale, preQueueSize, drawnSeed, draw, preQueueSize, admittedThrough,
                AdmissionMeter.startingAt(meterStart), stock, shoppers, lastArrivalMs, closedAtMs);
    }

    public SaleLine withNewBuyer() {
        return new SaleLine(sale, preQueueSize, seed, draw, lastSequence + 1, admittedThrough, meter, stock, shoppers,
                lastArrivalMs, closedAtMs);
    }

    /**
     * Accrues admission credit for the time passed until {@code nowMs}. While admissions cannot
     * flow (paused, not open) no credit accrues, so resuming does not release a burst.
     */
    public SaleLine tick(long nowMs) {
        AdmissionMeter next = admitting() ? meter.accrue(nowMs, sale.admissionRatePerSecond())
                : AdmissionMeter.startingAt(nowMs);
        return new SaleLine(sale, preQueueSize, seed, draw, lastSequence, admittedThrough, next, stock, shoppers,
                lastArrivalMs, closedAtMs);
    }

    /** See {@link AdmissionBudget}: the rate, the room among active shoppers, and what stock can serve. */
    public long admissibleNow() {
        if (!admitting()) {
            return 0;
        }
        return AdmissionBudget.of(meter.admissible(waiting()), sale.config().maxActiveShoppers(), shoppers.active(),
                stock.free(), shoppers.withoutHold(), waiting());
    }

    public SaleLine admitted(long count) {
        return new SaleLine(sale, preQueueSize, seed, draw, lastSequence, admittedThrough + count, meter.spend(count), stock,
                shoppers.admitted(count), lastArrivalMs, closedAtMs);
    }

    public SaleLine withStock(Stock changed) {
        return new SaleLine(sale, preQueueSize, seed, draw, lastSequence, admittedThrough, meter, changed, shoppers,
                lastArrivalMs, closedAtMs);
    }

    public SaleLine withShoppers(Shoppers changed) {
        return new SaleLine(sale, preQueueSize, seed, draw, lastSequence, admittedThrough, meter, stock, changed,
                lastArrivalMs, closedAtMs);
    }
}
