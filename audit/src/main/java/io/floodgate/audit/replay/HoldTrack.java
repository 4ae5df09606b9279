package io.floodgate.audit.replay;

import java.util.Locale;

/** A hold being replayed. */
final class HoldTrack {
    enum State {
        PLACED, REJECTED, SOLD, EXPIRED, RELEASED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final String holdId;
    String buyerId;
    State state;
    boolean requested;
    boolean checkedOut;
    /** A payment came after the hold had ended ({@code HoldSaleRefused}). */
    boolean refused;

    HoldTrack(String holdId) {
        this.holdId = holdId;
    }
}
