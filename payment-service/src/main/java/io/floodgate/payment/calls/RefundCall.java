package io.floodgate.payment.calls;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.contracts.payment.PaymentRefundRefused;
import io.floodgate.contracts.payment.PaymentRefunded;
import io.floodgate.payment.provider.PaymentProvider;
import io.floodgate.payment.provider.RefundRequest;
import io.floodgate.payment.provider.RefundResult;

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
        RefundResult result = provider.refund(new RefundRequest(idempotencyKey(refused.holdId()), refused.chargeId()));
        if (result instanceof RefundResult.Refunded refunded) {
            return new PaymentRefunded(meta(clock), refused.holdId(), refused.sectionId(), refused.chargeId(),
                    refunded.refundId());
        }
        return refuse(clock, ((RefundResult.Refused) result).reason());
    }

    /** A refund that keeps failing alone is left to a person, like one the provider refuses. */
    @Override
    public PaymentEvent settle(PaymentProvider provider, Clock clock, String why) {
        return abandon(clock, why);
    }

    @Override
    public PaymentEvent abandon(Clock clock, String why) {
        return refuse(clock, "the provider kept failing this refund: " + why);
    }

    private PaymentEvent refuse(Clock clock, String reason) {
        return new PaymentRefundRefused(meta(clock), refused.holdId(), refused.sectionId(), refused.chargeId(), reason);
    }

    private EventMeta meta(Clock clock) {
        return EventMeta.causedBy(refused.meta(), clock.instant());
    }
}
