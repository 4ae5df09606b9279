package io.floodgate.proofofwork;

/** What a presented solution is worth. Every verdict but {@link #ACCEPTED} and {@link #REJOIN} refuses the join. */
public enum Verdict {
    ACCEPTED,
    /**
     * Genuine, and used already, by this identity for this sale (the salt binds both): a rejoin, such
     * as the page's poll after 202 JOINING. Let through, since the queue gives an identity one place
     * whatever its joins; it buys no other.
     */
    REJOIN,
    /** Not a solution we issued (bad encoding, wrong number, forged or altered signature). */
    INVALID,
    /** Genuine, but issued for another sale or another identity. */
    NOT_YOURS,
    /** Genuine, but its challenge expired. */
    EXPIRED,
    /** Genuine, but issued before the sale's difficulty was raised. */
    TOO_EASY;

    public boolean admits() {
        return this == ACCEPTED || this == REJOIN;
    }
}
