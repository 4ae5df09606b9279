package io.floodgate.payment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code floodgate.payment.*}.
 *
 * @param ratePerMinute the provider's sustainable rate: charges never start faster than this
 */
@ConfigurationProperties("floodgate.payment")
public record PaymentSettings(@Bindable(defaultValue = "100") int ratePerMinute) {
}
