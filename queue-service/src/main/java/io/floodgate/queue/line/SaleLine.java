package io.floodgate.queue.line;

import io.floodgate.contracts.queue.SeededPermutation;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.queue.admission.AdmissionMeter;

/**
 * One sale's line as queue-service keeps it.
 *
 * @param preQueueSize    buyers who arrived before opening (fixed once the line opens)
 * @param seed            the draw that ordered the pre-queue; null until the line opens
 * @param lastSequence    the highest place given (places are 1-based and dense; the pre-queue
 *                        holds places 1 to preQueueSize)
 * @param admittedThrough every place up to and including this one has been admitted
 */
public record SaleLine(SaleState sale, long preQueueSize, Long seed, long lastSequence, long admittedThrough,
                       AdmissionMeter meter) {

    public static SaleLine of(SaleState sale, long nowMs) {
        return new SaleLine(sale, 0, null, 0, 0, AdmissionMeter.startingAt(nowMs));
    }

    public String saleId() {
        return sale.saleId();
    }

    public boolean opened() {
        return seed != null;
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

    public SaleLine withSale(SaleState changed) {
        return new SaleLine(changed, preQueueSize, seed, lastSequence, admittedThrough, meter);
    }

    public SaleLine withPreQueued() {
        return new SaleLine(sale, preQueueSize + 1, seed, lastSequence, admittedThrough, meter);
    }

    /** Opens the line: the pre-queue takes places 1 to preQueueSize in the order drawn from {@code drawn}. */
    public SaleLine open(long drawn, long nowMs) {
        return new SaleLine(sale, preQueueSize, drawn, preQueueSize, admittedThrough, AdmissionMeter.startingAt(nowMs));
    }

    public SaleLine withNewBuyer() {
        return new SaleLine(sale, preQueueSize, seed, lastSequence + 1, admittedThrough, meter);
    }

    /**
     * Accrues admission credit for the time passed until {@code nowMs}. While admissions cannot
     * flow (paused, not open) no credit accrues, so resuming does not release a burst.
     */
    public SaleLine tick(long nowMs) {
        AdmissionMeter next = admitting() ? meter.accrue(nowMs, sale.admissionRatePerSecond())
                : AdmissionMeter.startingAt(nowMs);
        return new SaleLine(sale, preQueueSize, seed, lastSequence, admittedThrough, next);
    }

    public long admissibleNow() {
        return admitting() ? meter.admissible(waiting()) : 0;
    }

    public SaleLine admitted(long count) {
        return new SaleLine(sale, preQueueSize, seed, lastSequence, admittedThrough + count, meter.spend(count));
    }
}
