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
import java.util.Optional;

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
    public Optional<PaymentEvent> call(PaymentProvider provider, Clock clock) {
        RefundResult result = provider.refund(new RefundRequest(idempotencyKey(refused.holdId()), refused.chargeId()));
        EventMeta meta = EventMeta.causedBy(refused.meta(), clock.instant());
        if (result instanceof RefundResult.Refunded refunded) {
            return Optional.of(new PaymentRefunded(meta, refused.holdId(), refused.sectionId(), refused.chargeId(),
                    refunded.refundId()));
        }
        return Optional.of(new PaymentRefundRefused(meta, refused.holdId(), refused.sectionId(), refused.chargeId(),
                ((RefundResult.Refused) result).reason()));
    }
}
