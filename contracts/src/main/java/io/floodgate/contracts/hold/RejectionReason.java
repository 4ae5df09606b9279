package io.floodgate.contracts.hold;

/** Why a hold was not placed. */
public enum RejectionReason {
    /** The section has fewer free seats than asked for; {@code seatsAvailable} says how many. */
    NOT_ENOUGH_SEATS,
    /** One or more of the seats asked for by name were taken first. */
    SEATS_TAKEN,
    /** A seat asked for by name does not exist in the section. */
    UNKNOWN_SEAT,
    /** The sale has no such section. */
    UNKNOWN_SECTION,
    /** The sale's inventory is not known to inventory-service (yet). */
    UNKNOWN_SALE,
    /** The buyer's holds and purchases in this sale would exceed the sale's per-buyer limit. */
    BUYER_LIMIT_REACHED,
    /** The sale is paused: nothing moves until it resumes. */
    SALE_PAUSED,
    /** The sale is closed. */
    SALE_CLOSED
}
