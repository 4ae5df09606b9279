package io.floodgate.queue.line;

import io.floodgate.queue.admission.AdmissionMeter;

import java.time.Duration;

/**
 * One sale's line as queue-service keeps it.
 *
 * @param lastSequence    the place given to the most recent new buyer (places are 1-based and dense)
 * @param admittedThrough every place up to and including this one has been admitted
 */
public record SaleLine(String saleId, int admissionRatePerSecond, Duration admissionWindow, long lastSequence,
                       long admittedThrough, AdmissionMeter meter) {

    public static SaleLine open(String saleId, int ratePerSecond, Duration admissionWindow, long nowMs) {
        return new SaleLine(saleId, ratePerSecond, admissionWindow, 0, 0, AdmissionMeter.startingAt(nowMs));
    }

    public long waiting() {
        return lastSequence - admittedThrough;
    }

    public SaleLine withNewBuyer() {
        return new SaleLine(saleId, admissionRatePerSecond, admissionWindow, lastSequence + 1, admittedThrough, meter);
    }

    /** Accrues admission credit for the time passed until {@code nowMs}. */
    public SaleLine tick(long nowMs) {
        return new SaleLine(saleId, admissionRatePerSecond, admissionWindow, lastSequence, admittedThrough,
                meter.accrue(nowMs, admissionRatePerSecond));
    }

    public long admissibleNow() {
        return meter.admissible(waiting());
    }

    public SaleLine admitted(long count) {
        return new SaleLine(saleId, admissionRatePerSecond, admissionWindow, lastSequence, admittedThrough + count,
                meter.spend(count));
    }
}
