package io.floodgate.gateway.buyer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A buyer's place in a sale, always in exactly one {@link BuyerState}. Fields not relevant to the
 * state are absent; docs/api.md lists which fields each state carries.
 *
 * @param message             the operator's message to the line, if any (every state)
 * @param opensAt             when the sale opens (PRE_QUEUE)
 * @param position            1 for the next buyer to be admitted (WAITING, PAUSED)
 * @param ahead               buyers in front (WAITING); payments in front (PAYING, PAYMENT_DELAYED)
 * @param waitEstimateSeconds at the sale's admission rate (WAITING); at the payments' pace (PAYING)
 * @param ticket              the visitor ticket to send with status reads (from joining)
 * @param admissionToken      lets the buyer hold seats until {@code windowEndsAt}, plus any time the sale
 *                            spends paused from now on (ADMITTED, ADMITTED_PAUSED, HOLDING)
 * @param holdId              the hold the state is about (HOLD_PENDING, HOLDING, PAYING, PURCHASED, ...)
 * @param pollAfterMs         when to ask again
 * @param orderIds            the buyer's orders in this sale, with any state, once they have bought
 * @param identity            the anonymous identity the join just issued: send it back in the
 *                            {@code Floodgate-Identity} header (browsers get it as a cookie too)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuyerStatus(BuyerState state, String meaning, String next, String message, String saleId,
                          String buyerId, Instant opensAt, Long sequence, Long position, Long ahead,
                          Long waitEstimateSeconds, String ticket, String admissionToken, Instant windowEndsAt,
                          String holdId, Long pollAfterMs, List<String> orderIds, String identity) {

    public static BuyerStatus of(BuyerState state, String saleId, String buyerId) {
        return new BuyerStatus(state, state.meaning(), state.next(), null, saleId, buyerId, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** The operator's message to the line, shown with every state. */
    public BuyerStatus withMessage(String text) {
        return new BuyerStatus(state, meaning, next, text, saleId, buyerId, opensAt, sequence, position, ahead,
                waitEstimateSeconds, ticket, admissionToken, windowEndsAt, holdId, pollAfterMs, orderIds, identity);
    }

    public BuyerStatus opening(Instant at) {
        return new BuyerStatus(state, meaning, next, message, saleId, buyerId, at, sequence, position, ahead,
                waitEstimateSeconds, ticket, admissionToken, windowEndsAt, holdId, pollAfterMs, orderIds, identity);
    }

    public BuyerStatus inLine(long sequenceInLine, long positionInLine, long buyersAhead, Long estimateSeconds) {
        return new BuyerStatus(state, meaning, next, message, saleId, buyerId, opensAt, sequenceInLine,
                positionInLine, buyersAhead, estimateSeconds, ticket, admissionToken, windowEndsAt, holdId, pollAfterMs, orderIds, identity);
    }

    /** In payment: the payments ahead of the buyer's, and the wait at the pace they are going. */
    public BuyerStatus inPaymentLine(long paymentsAhead, Long estimateSeconds) {
        return new BuyerStatus(state, meaning, next, message, saleId, buyerId, opensAt, sequence, position,
                paymentsAhead, estimateSeconds, ticket, admissionToken, windowEndsAt, holdId, pollAfterMs, orderIds, identity);
    }

    /** The buyer's place in line, once admitted. */
    public BuyerStatus at(long place) {
        return new BuyerStatus(state, meaning, next, message, saleId, buyerId, opensAt, place, position, ahead,
                waitEstimateSeconds, ticket, admissionToken, windowEndsAt, holdId, pollAfterMs, orderIds, identity);
    }

    public BuyerStatus withTicket(String visitorTicket) {
        return new BuyerStatus(state, meaning, next, message, saleId, buyerId, opensAt, sequence, position, ahead,
                waitEstimateSeconds, visitorTicket, admissionToken, windowEndsAt, holdId, pollAfterMs, orderIds, identity);
    }

    public BuyerStatus admitted(String token, Instant windowEnd) {
        return new BuyerStatus(state, meaning, next, message, saleId, buyerId, opensAt, sequence, position, ahead,
                waitEstimateSeconds, ticket, token, windowEnd, holdId, pollAfterMs, orderIds, identity);
    }

    public BuyerStatus forHold(String hold) {
        return new BuyerStatus(state, meaning, next, message, saleId, buyerId, opensAt, sequence, position, ahead,
                waitEstimateSeconds, ticket, admissionToken, windowEndsAt, hold, pollAfterMs, orderIds, identity);
    }

    /** The buyer's orders, shown with whatever state, so a purchase is never hidden. */
    public BuyerStatus withOrders(List<String> orders) {
        return new BuyerStatus(state, meaning, next, message, saleId, buyerId, opensAt, sequence, position, ahead,
                waitEstimateSeconds, ticket, admissionToken, windowEndsAt, holdId, pollAfterMs,
                orders.isEmpty() ? null : List.copyOf(orders), identity);
    }

    public BuyerStatus pollAfter(long millis) {
        return new BuyerStatus(state, meaning, next, message, saleId, buyerId, opensAt, sequence, position, ahead,
                waitEstimateSeconds, ticket, admissionToken, windowEndsAt, holdId, millis, orderIds, identity);
    }

    /** The identity a join issued, for JSON clients that keep no cookies. */
    public BuyerStatus withIdentity(String token) {
        return new BuyerStatus(state, meaning, next, message, saleId, buyerId, opensAt, sequence, position, ahead,
                waitEstimateSeconds, ticket, admissionToken, windowEndsAt, holdId, pollAfterMs, orderIds, token);
    }
}
