package io.floodgate.audit.replay;

import java.time.Instant;

/**
 * One buyer as the replay found them.
 *
 * @param arrivalRank    0-based order of the buyer's first arrival not turned away among the sale's buyers
 * @param preQueueIndex  0-based order in the pre-queue, or -1 when they arrived after opening
 * @param place          their place in line (1-based): recorded, or drawn from the seed for the
 *                       pre-queue; 0 when none is known
 * @param admissionRank  0-based order of admission, or -1 when never admitted
 * @param admittedSequence the place named by their {@code BuyerAdmitted}, 0 when never admitted
 */
public record BuyerRecord(String buyerId, long arrivalRank, Instant arrivedAt, long preQueueIndex, long place,
                          long admissionRank, long admittedSequence, Instant admittedAt, BuyerOutcome outcome) {
    public boolean preQueued() {
        return preQueueIndex >= 0;
    }

    public boolean admitted() {
        return admissionRank >= 0;
    }
}
