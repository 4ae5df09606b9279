package io.floodgate.payment.calls;

import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.payment.provider.PaymentProvider;

import java.time.Clock;
import java.util.Optional;

/** One thing to ask the provider, and the event its answer becomes. */
public sealed interface ProviderCall permits ChargeCall, RefundCall {
    String saleId();

    String holdId();

    /**
     * Asks the provider. Safe to repeat: the request carries an idempotency key derived from the hold.
     *
     * @return the event to publish, or empty when another call publishes this hold's outcome
     * @throws io.floodgate.payment.provider.ProviderUnavailableException when there was no usable answer
     */
    Optional<PaymentEvent> call(PaymentProvider provider, Clock clock);
}
