package io.floodgate.queue.access;

import io.floodgate.contracts.queue.TurnedAwayReason;

import java.util.Optional;

/**
 * Whether an arrival that has no place yet may take one: in an invite-only sale, only with a code
 * that is the sale's and has admitted nobody else. (A buyer already in line keeps their place
 * whatever code they send again; the processor answers them before asking this.)
 */
public final class AccessCodeRule {
    private AccessCodeRule() {
    }

    /** What the arrival gets: empty to take a place (using the code), else why not. */
    public static Optional<TurnedAwayReason> decide(boolean inviteOnly, String hash, AccessCode stored,
                                                    String buyerId) {
        if (!inviteOnly) {
            return Optional.empty();
        }
        if (hash == null) {
            return Optional.of(TurnedAwayReason.ACCESS_CODE_REQUIRED);
        }
        if (stored == null) {
            return Optional.of(TurnedAwayReason.ACCESS_CODE_UNKNOWN);
        }
        if (stored.used() && !stored.usedBy().equals(buyerId)) {
            return Optional.of(TurnedAwayReason.ACCESS_CODE_USED);
        }
        return Optional.empty();
    }
}
