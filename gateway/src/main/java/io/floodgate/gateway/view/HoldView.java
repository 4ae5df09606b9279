package io.floodgate.gateway.view;

import io.floodgate.contracts.hold.Alternative;
import io.floodgate.gateway.buyer.BuyerState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the gateway knows of one hold, as facts read from several topics (the request, inventory's
 * answer and ending, the checkout, a refund). Topics are read side by side with no order between
 * them, so each fact is recorded as it comes and the state is worked out from all of them
 * ({@link #state()}): the same facts give the same state whatever order they were read in.
 *
 * @param buyerId      null until an event that names the buyer is read
 * @param expiresAt    once held (the latest extension)
 * @param rejection    inventory's reason, when the request was rejected
 * @param checkedOut   a checkout was requested
 * @param ending       how the hold ended, if it did: the strongest of the endings read (a sale is
 *                     never undone by a later refusal of a second charge)
 * @param endedAt      when it ended
 * @param refundId     the refund of a charge that came too late, once made
 * @param paymentPlace its place in the {@link PaymentLine}, once checked out
 * @param paymentWait  while in payment, how long it waits for the provider (filled in when read)
 * @param delayed      while in payment, the provider is not answering (filled in when read)
 */
public record HoldView(String holdId, String saleId, String buyerId, String sectionId, int quantity,
                       List<String> seats, long amountCents, String currency, Instant expiresAt,
                       String rejection, Integer seatsAvailable, Alternative alternative, boolean checkedOut,
                       Ending ending, Instant endedAt, String endReason, String refundId, Long paymentPlace,
                       PaymentLine.Wait paymentWait, boolean delayed) {

    /** How a hold ended, weakest first: when two are read, the later constant wins. */
    public enum Ending {
        EXPIRED(BuyerState.HOLD_EXPIRED),
        DECLINED(BuyerState.PAYMENT_DECLINED),
        PAID_TOO_LATE(BuyerState.HOLD_ENDED_BEFORE_PAYMENT),
        SOLD(BuyerState.PURCHASED);

        private final BuyerState state;

        Ending(BuyerState state) {
            this.state = state;
        }
    }

    public HoldView {
        seats = List.copyOf(seats);
    }

    public static HoldView requested(String holdId, String saleId, String buyerId, String sectionId, int quantity) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, List.of(), 0, null, null, null, null,
                null, false, null, null, null, null, null, null, false);
    }

    /** Worked out from the facts, whatever order they came in. */
    public BuyerState state() {
        if (ending != null) {
            return ending.state;
        }
        if (rejection != null) {
            return BuyerState.HOLD_REJECTED;
        }
        if (expiresAt == null) {
            return BuyerState.HOLD_PENDING;
        }
        if (!checkedOut) {
            return BuyerState.HOLDING;
        }
        return delayed ? BuyerState.PAYMENT_DELAYED : BuyerState.PAYING;
    }

    /** Why it is in its state, if there is more to say: a rejection's or an ending's reason, or the refund. */
    public String reason() {
        if (refundId != null) {
            return "REFUNDED: " + refundId;
        }
        if (ending != null) {
            return endReason;
        }
        return rejection;
    }

    /** In payment: waiting for the provider, or its answer. */
    public boolean inPayment() {
        return state() == BuyerState.PAYING || state() == BuyerState.PAYMENT_DELAYED;
    }

    HoldView of(String buyer, String section, int count) {
        return new HoldView(holdId, saleId, buyerId != null ? buyerId : buyer, sectionId != null ? sectionId : section,
                quantity > 0 ? quantity : count, seats, amountCents, currency, expiresAt, rejection, seatsAvailable,
                alternative, checkedOut, ending, endedAt, endReason, refundId, paymentPlace, paymentWait, delayed);
    }

    HoldView placed(List<String> heldSeats, long amount, String currencyCode, Instant expiry) {
        Instant latest = expiresAt != null && expiresAt.isAfter(expiry) ? expiresAt : expiry;
        return new HoldView(holdId, saleId, buyerId, sectionId, heldSeats.size(), heldSeats, amount, currencyCode,
                latest, rejection, seatsAvailable, alternative, checkedOut, ending, endedAt, endReason, refundId,
                paymentPlace, null, false);
    }

    HoldView rejected(String why, int available, Alternative offer) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, seats, amountCents, currency, expiresAt, why,
                available, offer, checkedOut, ending, endedAt, endReason, refundId, paymentPlace, null, false);
    }

    /** A hold's events share a partition, so an extension follows its placement; the later expiry is kept. */
    HoldView expiringAt(Instant later) {
        Instant latest = expiresAt != null && expiresAt.isAfter(later) ? expiresAt : later;
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, seats, amountCents, currency,
                expiresAt == null ? null : latest, rejection, seatsAvailable, alternative, checkedOut, ending, endedAt,
                endReason, refundId, paymentPlace, paymentWait, delayed);
    }

    HoldView ended(Ending how, Instant at, String why) {
        if (ending != null && ending.compareTo(how) >= 0) {
            return this;
        }
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, seats, amountCents, currency, expiresAt,
                rejection, seatsAvailable, alternative, checkedOut, how, at, why, refundId, paymentPlace, null, false);
    }

    HoldView refunded(String refund) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, seats, amountCents, currency, expiresAt,
                rejection, seatsAvailable, alternative, checkedOut, ending, endedAt, endReason, refund, paymentPlace,
                paymentWait, delayed);
    }

    /** Checked out: in payment once held (a checkout read before the placement waits for it). */
    public HoldView withCheckout() {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, seats, amountCents, currency, expiresAt,
                rejection, seatsAvailable, alternative, true, ending, endedAt, endReason, refundId, paymentPlace,
                paymentWait, delayed);
    }

    HoldView inPaymentLine(long place) {
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, seats, amountCents, currency, expiresAt,
                rejection, seatsAvailable, alternative, checkedOut, ending, endedAt, endReason, refundId, place,
                paymentWait, delayed);
    }

    /** Whether the hold still has {@code margin} left at {@code now}: time for its checkout to reach inventory. */
    public boolean outlives(Instant now, Duration margin) {
        return expiresAt != null && !expiresAt.isBefore(now.plus(margin));
    }

    /** As the buyer should see it now: in payment, with its wait, or delayed while the provider is away. */
    HoldView presentedWith(PaymentLine line, Instant now) {
        if (!inPayment() || paymentPlace == null) {
            return this;
        }
        return new HoldView(holdId, saleId, buyerId, sectionId, quantity, seats, amountCents, currency, expiresAt,
                rejection, seatsAvailable, alternative, checkedOut, ending, endedAt, endReason, refundId,
                paymentPlace, line.waitFor(paymentPlace, now), line.delayed());
    }
}
