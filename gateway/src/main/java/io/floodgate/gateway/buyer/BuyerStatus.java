package io.floodgate.gateway.buyer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A buyer's place in a sale, always in exactly one {@link BuyerState}. Fields not relevant to the
 * state are absent; docs/api.md lists which fields each state carries.
 *
 * @param position            1 for the next buyer to be admitted (WAITING)
 * @param ahead               buyers in front (WAITING)
 * @param waitEstimateSeconds at the sale's admission rate (WAITING)
 * @param ticket              the visitor ticket to send with status reads (from joining)
 * @param admissionToken      lets the buyer hold seats until {@code windowEndsAt} (ADMITTED)
 * @param pollAfterMs         when to ask again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuyerStatus(BuyerState state, String meaning, String next, String saleId, String buyerId,
                          Long sequence, Long position, Long ahead, Long waitEstimateSeconds, String ticket,
                          String admissionToken, Instant windowEndsAt, Long pollAfterMs) {

    public static BuyerStatus of(BuyerState state, String saleId, String buyerId) {
        return new BuyerStatus(state, state.meaning(), state.next(), saleId, buyerId, null, null, null, null, null,
                null, null, null);
    }

    public BuyerStatus inLine(long sequenceInLine, long positionInLine, long buyersAhead, long estimateSeconds) {
        return new BuyerStatus(state, meaning, next, saleId, buyerId, sequenceInLine, positionInLine, buyersAhead,
                estimateSeconds, ticket, admissionToken, windowEndsAt, pollAfterMs);
    }

    public BuyerStatus withTicket(String visitorTicket) {
        return new BuyerStatus(state, meaning, next, saleId, buyerId, sequence, position, ahead, waitEstimateSeconds,
                visitorTicket, admissionToken, windowEndsAt, pollAfterMs);
    }

    public BuyerStatus admitted(String token, Instant windowEnd) {
        return new BuyerStatus(state, meaning, next, saleId, buyerId, sequence, position, ahead, waitEstimateSeconds,
                ticket, token, windowEnd, pollAfterMs);
    }

    public BuyerStatus pollAfter(long millis) {
        return new BuyerStatus(state, meaning, next, saleId, buyerId, sequence, position, ahead, waitEstimateSeconds,
                ticket, admissionToken, windowEndsAt, millis);
    }
}
