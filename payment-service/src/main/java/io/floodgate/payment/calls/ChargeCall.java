package io.floodgate.payment.calls;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.payment.PaymentDeclined;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.payment.provider.ChargeRequest;
import io.floodgate.payment.provider.ChargeResult;
import io.floodgate.payment.provider.PaymentProvider;

import java.time.Clock;
import java.util.Optional;

/**
 * Charges a checkout. The idempotency key is derived from the hold, so a redelivered checkout
 * (after a crash between charging and publishing), or a retry, gets the same charge back.
 */
public record ChargeCall(CheckoutRequested checkout) implements ProviderCall {
    public static String idempotencyKey(String holdId) {
        return "floodgate-hold-" + holdId;
    }

    @Override
    public String saleId() {
        return checkout.meta().saleId();
    }

    @Override
    public String holdId() {
        return checkout.holdId();
    }

    @Override
    public Optional<PaymentEvent> call(PaymentProvider provider, Clock clock) {
        ChargeResult result = provider.charge(new ChargeRequest(idempotencyKey(checkout.holdId()), saleId(),
                checkout.holdId(), checkout.amountCents(), checkout.currency(), checkout.paymentMethod()));
        EventMeta meta = EventMeta.causedBy(checkout.meta(), clock.instant());
        if (result instanceof ChargeResult.Authorized authorized) {
            return Optional.of(new PaymentAuthorized(meta, checkout.holdId(), checkout.sectionId(),
                    authorized.chargeId(), checkout.amountCents(), checkout.currency()));
        }
        if (result instanceof ChargeResult.Declined declined) {
            return Optional.of(new PaymentDeclined(meta, checkout.holdId(), checkout.sectionId(), declined.reason()));
        }
        return Optional.empty(); // a repeated checkout: the first one's charge decides

    }
}
