package io.floodgate.payment.calls;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.checkoutanswer.CheckoutAccepted;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.payment.PaymentDeclined;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.payment.provider.ChargeRequest;
import io.floodgate.payment.provider.ChargeResult;
import io.floodgate.payment.provider.PaymentProvider;
import io.floodgate.payment.provider.ProviderCharge;
import io.floodgate.payment.provider.ProviderUnavailableException;

import java.time.Clock;
import java.util.Optional;

/**
 * Charges a hold inventory has accepted into payment. The idempotency key is derived from the
 * hold, so a redelivered acceptance (after a crash between charging and publishing), or a retry,
 * gets the same charge back.
 */
public record ChargeCall(CheckoutAccepted checkout) implements ProviderCall {
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
    public PaymentEvent call(PaymentProvider provider, Clock clock) {
        String key = idempotencyKey(checkout.holdId());
        ChargeResult result = provider.charge(new ChargeRequest(key, saleId(), checkout.holdId(),
                checkout.amountCents(), checkout.currency(), checkout.paymentMethod()));
        if (result instanceof ChargeResult.Authorized a) {
            return authorized(a.chargeId(), checkout.amountCents(), checkout.currency(), clock);
        }
        if (result instanceof ChargeResult.Declined d) {
            return declined(d.reason(), PaymentDeclined.DECLINED, clock);
        }
        if (result instanceof ChargeResult.Rejected r) {
            return declined(r.reason(), PaymentDeclined.REJECTED, clock);
        }
        // The key's first request decided: its charge is the outcome, whatever this request asked.
        String conflict = ((ChargeResult.KeyConflict) result).detail();
        return provider.chargeByKey(key).map(charge -> outcome(charge, clock))
                .orElseThrow(() -> new ProviderUnavailableException(conflict + ", yet no charge has the key"));
    }

    @Override
    public PaymentEvent settle(PaymentProvider provider, Clock clock, String why) {
        Optional<ProviderCharge> charge = provider.chargeByKey(idempotencyKey(checkout.holdId()));
        return charge.map(c -> outcome(c, clock)).orElseGet(() -> declined("the provider kept failing this payment ("
                + why + ") and holds no charge for it", PaymentDeclined.FAILED, clock));
    }

    @Override
    public PaymentEvent abandon(Clock clock, String why) {
        return declined("the provider kept failing this payment and could not say whether it charged (" + why
                + "); reconciliation shows any charge it made", PaymentDeclined.FAILED, clock);
    }

    private PaymentEvent outcome(ProviderCharge charge, Clock clock) {
        return charge.authorized() ? authorized(charge.chargeId(), charge.amountCents(), charge.currency(), clock)
                : declined("declined", PaymentDeclined.DECLINED, clock);
    }

    private PaymentEvent authorized(String chargeId, long amountCents, String currency, Clock clock) {
        return new PaymentAuthorized(meta(clock), checkout.holdId(), checkout.sectionId(), chargeId, amountCents,
                currency);
    }

    private PaymentEvent declined(String reason, String code, Clock clock) {
        return new PaymentDeclined(meta(clock), checkout.holdId(), checkout.sectionId(), reason, code);
    }

    private EventMeta meta(Clock clock) {
        return EventMeta.causedBy(checkout.meta(), clock.instant());
    }
}
