package io.floodgate.payment.calls;

import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.payment.provider.PaymentProvider;

import java.time.Clock;

/** One thing to ask the provider, and the event its answer becomes. */
public sealed interface ProviderCall permits ChargeCall, RefundCall {
    String saleId();

    String holdId();

    /**
     * Asks the provider. Safe to repeat: the request carries an idempotency key derived from the hold.
     *
     * @return the event to publish
     * @throws io.floodgate.payment.provider.ProviderUnavailableException when there was no usable answer
     * @throws io.floodgate.payment.provider.KeyInFlightException when the provider is still deciding
     */
    PaymentEvent call(PaymentProvider provider, Clock clock);

    /**
     * Ends a call that kept failing while the provider answered other calls, so that it cannot hold
     * up the others for ever: finds out from the provider what became of it instead of asking again.
     *
     * @param why the last failure
     * @throws io.floodgate.payment.provider.ProviderUnavailableException when the provider cannot tell
     */
    PaymentEvent settle(PaymentProvider provider, Clock clock, String why);

    /** The event when even settling failed: the outcome stays unknown, so reconciliation must look. */
    PaymentEvent abandon(Clock clock, String why);
}
