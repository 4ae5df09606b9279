package io.floodgate.audit.reconcile;

import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.payment.PaymentRefunded;
import io.floodgate.payment.provider.ProviderCharge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charges as the event log tells them: one per authorized charge id, refunded when a
 * {@code PaymentRefunded} names it. It stands in for the provider's own record when that cannot be
 * reached (an audit from an export file, years later).
 */
public final class LoggedCharges {
    private LoggedCharges() {
    }

    public static List<ProviderCharge> of(List<PaymentAuthorized> authorized, List<PaymentRefunded> refunded) {
        Map<String, String> refunds = new HashMap<>();
        refunded.forEach(r -> refunds.putIfAbsent(r.chargeId(), r.refundId()));
        Map<String, ProviderCharge> charges = new LinkedHashMap<>();
        for (PaymentAuthorized a : authorized) {
            charges.putIfAbsent(a.chargeId(), new ProviderCharge(a.chargeId(), a.meta().saleId(), a.holdId(),
                    a.amountCents(), a.currency(), true, refunds.get(a.chargeId())));
        }
        return new ArrayList<>(charges.values());
    }
}
