package io.floodgate.audit.replay;

/**
 * Where a buyer's recorded story ends. The names are the buyer states of the API (docs/api.md),
 * read from the events alone.
 */
public enum BuyerOutcome {
    /** Arrived, but no place in line was recorded. */
    JOINING,
    /** Arrived before the opening, and the line has not opened (once it opens they are WAITING). */
    PRE_QUEUE,
    /** Had a place in line and was never admitted. */
    WAITING,
    /** Admitted; no hold and the window had not lapsed when the log ends. */
    ADMITTED,
    /** Admitted, and the window passed without a hold. */
    ADMISSION_EXPIRED,
    /** Asked for a hold that was neither placed nor rejected. */
    HOLD_PENDING,
    /** The last hold asked for was rejected. */
    HOLD_REJECTED,
    /** Holds seats, not checked out. */
    HOLDING,
    /** Checked out; no payment outcome yet. */
    PAYING,
    /** Bought seats. */
    PURCHASED,
    /** The last hold expired. */
    HOLD_EXPIRED,
    /** The last hold was released after a declined payment. */
    PAYMENT_DECLINED,
    /** Paid after the hold had ended: nothing sold, the charge is refunded. */
    HOLD_ENDED_BEFORE_PAYMENT
}
