package io.floodgate.payment.calls;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.contracts.payment.PaymentRefunded;
import io.floodgate.payment.provider.PaymentProvider;
import io.floodgate.payment.provider.RefundRequest;

import java.time.Clock;

/** Refunds a payment that arrived after its hold had ended: the buyer got nothing, so they pay nothing. */
public record RefundCall(HoldSaleRefused refused) implements ProviderCall {
    public static String idempotencyKey(String holdId) {
        return "floodgate-refund-" + holdId;
    }

    @Override
    public String saleId() {
        return refused.meta().saleId();
    }

    @Override
    public String holdId() {
        return refused.holdId();
    }

    @Override
    public PaymentEvent call(PaymentProvider provider, Clock clock) {
        String refundId = provider.refund(new RefundRequest(idempotencyKey(refused.holdId()), refused.chargeId()));
        return new PaymentRefunded(EventMeta.causedBy(refused.meta(), clock.instant()), refused.holdId(),
                refused.sectionId(), refused.chargeId(), refundId);
    }
}
