package io.floodgate.gateway.hold;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.floodgate.contracts.hold.Alternative;
import io.floodgate.gateway.buyer.BuyerState;
import io.floodgate.gateway.view.HoldView;

import java.time.Instant;
import java.util.List;

/**
 * A hold as its buyer sees it. A rejected hold may carry an {@code alternative}: accept it with
 * {@code POST .../holds/{holdId}/alternative}. {@code admissionToken}, when present, replaces the buyer's
 * previous one: it lasts at least as long as the hold, so checkout is never refused mid-hold.
 * In payment, {@code paymentsAhead} is the buyer's place in the payment provider's line and
 * {@code paymentWaitEstimateSeconds} its wait at the pace payments are going (absent when unknown).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldResponse(BuyerState state, String meaning, String next, String holdId, String saleId,
                           String sectionId, Integer quantity, List<String> seats, Long amountCents, String currency,
                           Instant expiresAt, String reason, Integer seatsAvailable, Alternative alternative,
                           String orderId, String admissionToken, Long pollAfterMs, Long paymentsAhead,
                           Long paymentWaitEstimateSeconds) {


    public static HoldResponse of(HoldView hold, String admissionToken) {
        BuyerState state = hold.state();
        boolean held = !hold.seats().isEmpty();
        return new HoldResponse(state, state.meaning(), state.next(), hold.holdId(), hold.saleId(), hold.sectionId(),
                hold.quantity(), held ? hold.seats() : null, held ? hold.amountCents() : null,
                hold.currency(), hold.expiresAt(), hold.reason(), hold.seatsAvailable(), hold.alternative(),
                state == BuyerState.PURCHASED ? hold.holdId() : null, admissionToken, state.pollAfterMs(),
                hold.paymentWait() == null ? null : hold.paymentWait().ahead(),
                hold.paymentWait() == null ? null : hold.paymentWait().estimateSeconds());
    }
}
