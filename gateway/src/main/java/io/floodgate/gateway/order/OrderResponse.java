package io.floodgate.gateway.order;

import java.time.Instant;
import java.util.List;

/** A confirmed order, as recorded in the ledger. The order id is the hold id. */
public record OrderResponse(String orderId, String saleId, String buyerId, String sectionId, List<String> seats,
                            long amountCents, String currency, String chargeId, Instant soldAt) {
}
