package io.floodgate.contracts.queue;

/** Why an arrival got no place. */
public enum TurnedAwayReason {
    /** The sale is invite-only and the arrival carried no access code. */
    ACCESS_CODE_REQUIRED,
    /** No code of the sale has the arrival's hash. */
    ACCESS_CODE_UNKNOWN,
    /** The code admitted another buyer already: each code admits one identity. */
    ACCESS_CODE_USED
}
