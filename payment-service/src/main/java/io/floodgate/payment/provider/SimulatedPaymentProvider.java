package io.floodgate.payment.provider;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider for local runs and tests. Payment method {@code tok_decline} is declined; any other
 * is authorized. Like a real provider it remembers each idempotency key's outcome.
 */
@Singleton
public final class SimulatedPaymentProvider implements PaymentProvider {
    public static final String DECLINING_METHOD = "tok_decline";

    private final Map<String, ChargeResult> outcomes = new ConcurrentHashMap<>();

    @Override
    public ChargeResult charge(ChargeRequest request) {
        return outcomes.computeIfAbsent(request.idempotencyKey(), key -> DECLINING_METHOD.equals(request.paymentMethod())
                ? new ChargeResult.Declined("card declined")
                : new ChargeResult.Authorized("ch_" + UUID.randomUUID()));
    }
}
