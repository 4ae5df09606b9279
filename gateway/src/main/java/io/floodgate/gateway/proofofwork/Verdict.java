package io.floodgate.gateway.proofofwork;

/** What a presented solution is worth. Every verdict but {@link #ACCEPTED} refuses the join. */
public enum Verdict {
    ACCEPTED,
    /** Not a solution we issued (bad encoding, wrong number, forged or altered signature). */
    INVALID,
    /** Genuine, but issued for another sale or another identity. */
    NOT_YOURS,
    /** Genuine, but its challenge expired. */
    EXPIRED,
    /** Genuine, but issued before the sale's difficulty was raised. */
    TOO_EASY,
    /** Genuine, and already used for a join. */
    REUSED
}
