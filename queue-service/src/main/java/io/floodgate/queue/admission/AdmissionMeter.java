package io.floodgate.queue.admission;

/**
 * A token bucket for admissions: credit accrues at the sale's rate and each admitted buyer spends
 * one. Credit is capped at one second's worth so a quiet spell cannot release a burst.
 *
 * @param credit     admissions earned but not yet spent (fractional)
 * @param lastTickMs when credit was last accrued
 */
public record AdmissionMeter(double credit, long lastTickMs) {

    public static AdmissionMeter startingAt(long nowMs) {
        return new AdmissionMeter(0, nowMs);
    }

    /** The meter after time has passed until {@code nowMs} at {@code ratePerSecond}. */
    public AdmissionMeter accrue(long nowMs, int ratePerSecond) {
        long elapsed = Math.max(0, nowMs - lastTickMs);
        double earned = credit + ratePerSecond * (elapsed / 1000.0);
        return new AdmissionMeter(Math.min(earned, Math.max(1, ratePerSecond)), nowMs);
    }

    /** How many of {@code waiting} buyers may be admitted now. */
    public long admissible(long waiting) {
        return Math.min(waiting, (long) Math.floor(credit));
    }

    public AdmissionMeter spend(long admitted) {
        return new AdmissionMeter(credit - admitted, lastTickMs);
    }
}
