package io.floodgate.payment.calls;

import io.floodgate.payment.provider.ChargeRequest;
import io.floodgate.payment.provider.ChargeResult;
import io.floodgate.payment.provider.KeyInFlightException;
import io.floodgate.payment.provider.PaymentProvider;
import io.floodgate.payment.provider.ProviderCharge;
import io.floodgate.payment.provider.ProviderUnavailableException;
import io.floodgate.payment.provider.RefundRequest;
import io.floodgate.payment.provider.RefundResult;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory provider that keeps idempotency like a real one and can be switched off. It notes
 * arrivals by the same wall clock the pacers use, so a test compares like with like.
 */
public final class FakeProvider implements PaymentProvider {
    private final Clock clock;
    final List<Instant> arrivals = new ArrayList<>();
    final List<String> keys = new ArrayList<>();
    final Map<String, String> charges = new LinkedHashMap<>();
    private final Map<String, String> methods = new LinkedHashMap<>();
    volatile boolean down;
    /** Keys the provider fails (as a 500) whatever else it does. */
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** Keys answered "in flight" this many more times before they are decided. */
    final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    int lookups;

    public FakeProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public synchronized ChargeResult charge(ChargeRequest request) {
        arrivals.add(clock.instant());
        keys.add(request.idempotencyKey());
        if (down || failing.contains(request.idempotencyKey())) {
            throw new ProviderUnavailableException("HTTP 503");
        }
        if (inFlight.merge(request.idempotencyKey(), -1, Integer::sum) >= 0) {
            throw new KeyInFlightException("HTTP 409 idempotency_key_in_use");
        }
        if (methods.containsKey(request.idempotencyKey())
                && !methods.get(request.idempotencyKey()).equals(request.paymentMethod())) {
            return new ChargeResult.KeyConflict("HTTP 409 idempotency_conflict: key first used with another method");
        }
        if ("tok_invalid".equals(request.paymentMethod())) {
            return new ChargeResult.Rejected("HTTP 400 invalid_payment_method");
        }
        methods.put(request.idempotencyKey(), request.paymentMethod());
        if ("tok_decline".equals(request.paymentMethod())) {
            return new ChargeResult.Declined("card_declined");
        }
        return new ChargeResult.Authorized(charges.computeIfAbsent(request.idempotencyKey(), k -> "ch_" + k));
    }

    @Override
    public synchronized Optional<ProviderCharge> chargeByKey(String idempotencyKey) {
        arrivals.add(clock.instant());
        lookups++;
        if (down) {
            throw new ProviderUnavailableException("HTTP 503");
        }
        return Optional.ofNullable(charges.get(idempotencyKey)).map(id -> new ProviderCharge(id, "sale", idempotencyKey,
                1_000, "EUR", true, null));
    }

    @Override
    public synchronized RefundResult refund(RefundRequest request) {
        arrivals.add(clock.instant());
        if (down) {
            throw new ProviderUnavailableException("HTTP 503");
        }
        return charges.containsValue(request.chargeId()) ? new RefundResult.Refunded("re_" + request.chargeId())
                : new RefundResult.Refused("HTTP 404 unknown_charge");
    }

    @Override
    public List<ProviderCharge> charges(String saleId) {
        return List.of();
    }
}
