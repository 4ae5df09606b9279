package io.floodgate.payment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code floodgate.payment.*}.
 *
 * @param ratePerMinute        the provider's sustainable rate: requests to it (retries included) never
 *                             start faster than this, across all instances together
 * @param pacingMargin         share of the rate left unused, so network jitter cannot push the
 *                             provider's own count over the rate
 * @param maxInFlight          calls that may wait for the provider at once
 * @param failureThreshold     failures in a row that open the circuit
 * @param openFor              how long an open circuit waits before its first probe
 * @param maxOpenFor           the longest wait between probes (the wait doubles on each failed probe)
 * @param retryBackoff         the first retry's delay while the circuit is closed (doubling per attempt)
 * @param maxRetryBackoff      the longest delay between retries of one call
 * @param maxFailuresAlone     failures of one call while the provider answers others (its circuit
 *                             closed) before the call is settled: its charge looked up by key and,
 *                             if there is none, the payment failed for good, so it holds up no batch
 */
@ConfigurationProperties("floodgate.payment")
public record PaymentSettings(@Bindable(defaultValue = "100") int ratePerMinute,
                              @Bindable(defaultValue = "0.01") double pacingMargin,
                              @Bindable(defaultValue = "64") int maxInFlight,
                              @Bindable(defaultValue = "5") int failureThreshold,
                              @Bindable(defaultValue = "2s") Duration openFor,
                              @Bindable(defaultValue = "30s") Duration maxOpenFor,
                              @Bindable(defaultValue = "500ms") Duration retryBackoff,
                              @Bindable(defaultValue = "30s") Duration maxRetryBackoff,
                              @Bindable(defaultValue = "10") int maxFailuresAlone) {

    /** Records per batch: about five seconds of work at the rate, so a batch's outcomes commit often. */
    public int batchSize() {
        return Math.max(1, ratePerMinute / 12);
    }
}
