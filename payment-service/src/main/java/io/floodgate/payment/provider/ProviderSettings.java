package io.floodgate.payment.provider;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;

/**
 * {@code floodgate.payment.provider.*}: where the provider is.
 *
 * @param name    the provider's name in events and metrics
 * @param url     its base URL (the simulator's, locally)
 * @param timeout how long one call may take before it counts as a failure (and is retried)
 */
@ConfigurationProperties("floodgate.payment.provider")
public record ProviderSettings(@Bindable(defaultValue = "simulator") String name,
                               @Bindable(defaultValue = "http://127.0.0.1:8084") URI url,
                               @Bindable(defaultValue = "10s") Duration timeout) {
}
