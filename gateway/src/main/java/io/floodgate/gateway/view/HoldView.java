package io.floodgate.gateway.view;

import io.floodgate.contracts.hold.Alternative;
import io.floodgate.gateway.buyer.BuyerState;

import java.time.Instant;
import java.util.List;

/** The latest known state of one hold, as the gateway shows it to its buyer. */
public record HoldView(String holdId, String saleId, String buyerId, String sectionId, int quantity,
                       BuyerState state, List<String> seats, long amountCents, String currency, Instant expiresAt,
                       String reason, Integer seatsAvailable, Alternative alternative) {

    public HoldView {
        seats = List.copyOf(seats);
    }

    public static HoldView requested(String holdId, String saleId, String buyerId, String sectionId, int quantity) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, BuyerState.HOLD_PENDING, List.of(), 0, null,
                null, null, null, null);
    }

    HoldView placed(List<String> heldSeats, long amount, String currencyCode, Instant expiry) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, BuyerState.HOLDING, heldSeats, amount,
                currencyCode, expiry, null, null, null);
    }

    HoldView rejected(String why, int available, Alternative offer) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, BuyerState.HOLD_REJECTED, seats,
                amountCents, currency, expiresAt, why, available, offer);
    }

    HoldView expiringAt(Instant later) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, state, seats, amountCents, currency, later,
                reason, seatsAvailable, alternative);
    }

    public HoldView in(BuyerState next, String why) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, next, seats, amountCents, currency,
                expiresAt, why, seatsAvailable, alternative);
    }
}
