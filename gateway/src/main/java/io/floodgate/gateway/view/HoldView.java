package io.floodgate.gateway.view;

import io.floodgate.contracts.hold.Alternative;
import io.floodgate.gateway.buyer.BuyerState;

import java.time.Instant;
import java.util.List;

/**
 * The latest known state of one hold, as the gateway shows it to its buyer.
 *
 * @param paymentPlace its place in the {@link PaymentLine}, once checked out
 * @param paymentWait  while in payment, how long it waits for the provider (filled in when read)
 */
public record HoldView(String holdId, String saleId, String buyerId, String sectionId, int quantity,
                       BuyerState state, List<String> seats, long amountCents, String currency, Instant expiresAt,
                       String reason, Integer seatsAvailable, Alternative alternative, Long paymentPlace,
                       PaymentLine.Wait paymentWait) {

    public HoldView {
        seats = List.copyOf(seats);
    }

    public static HoldView requested(String holdId, String saleId, String buyerId, String sectionId, int quantity) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, BuyerState.HOLD_PENDING, List.of(), 0, null,
                null, null, null, null, null, null);
    }

    HoldView placed(List<String> heldSeats, long amount, String currencyCode, Instant expiry) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, BuyerState.HOLDING, heldSeats, amount,
                currencyCode, expiry, null, null, null, paymentPlace, null);
    }

    HoldView rejected(String why, int available, Alternative offer) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, BuyerState.HOLD_REJECTED, seats,
                amountCents, currency, expiresAt, why, available, offer, paymentPlace, null);
    }

    HoldView expiringAt(Instant later) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, state, seats, amountCents, currency, later,
                reason, seatsAvailable, alternative, paymentPlace, paymentWait);
    }

    public HoldView in(BuyerState next, String why) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, next, seats, amountCents, currency,
                expiresAt, why, seatsAvailable, alternative, paymentPlace, paymentWait);
    }

    HoldView paying(long place) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, BuyerState.PAYING, seats, amountCents,
                currency, expiresAt, null, seatsAvailable, alternative, place, null);
    }

    /** As the buyer should see it now: in payment, with its wait, or delayed while the provider is away. */
    HoldView presentedWith(PaymentLine line, java.time.Instant now) {
        if (state != BuyerState.PAYING || paymentPlace == null) {
            return this;
        }
        BuyerState shown = line.delayed() ? BuyerState.PAYMENT_DELAYED : BuyerState.PAYING;
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, shown, seats, amountCents, currency,
                expiresAt, reason, seatsAvailable, alternative, paymentPlace, line.waitFor(paymentPlace, now));
    }
}
