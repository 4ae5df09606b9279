package io.floodgate.audit.fairness;

/** What the audit makes of the pre-queue draw's commitment. */
public enum DrawVerdict {
    /** The revealed seed and nonce hash to the commitment, which came before the first pre-queued buyer. */
    VERIFIED,
    /** Committed; the line has not opened, so there is nothing revealed to check yet. */
    NOT_YET_REVEALED,
    /**
     * The log has no commitment: a sale drawn before queue-service committed to draws. A finding (such a
     * draw could have been chosen late) unless the audit is told to allow it: {@code --allow-uncommitted}.
     */
    NOT_COMMITTED,
    /** Refused: the commitment was made after buyers arrived, so it proves nothing. */
    COMMITTED_LATE,
    /** Refused: what the opening revealed is not what was committed to (or nothing was revealed). */
    MISMATCH
}
