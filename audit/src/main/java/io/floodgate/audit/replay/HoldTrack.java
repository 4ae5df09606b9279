package io.floodgate.audit.replay;

/** A hold being replayed. */
final class HoldTrack {
    enum State { PLACED, REJECTED, SOLD, EXPIRED, RELEASED }

    final String holdId;
    String buyerId;
    State state;
    boolean requested;
    boolean checkedOut;

    HoldTrack(String holdId) {
        this.holdId = holdId;
    }
}
