package io.floodgate.inventory;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code floodgate.inventory.*}.
 *
 * @param expirySweepMs   how often expired holds are released
 * @param availabilityMs  how often changed sections' availability is published (its freshness)
 * @param retention       how long a closed sale's holds and seats are kept before they are forgotten
 *                        (a payment outcome later than that is refused and refunded)
 */
@ConfigurationProperties("floodgate.inventory")
public record InventorySettings(@Bindable(defaultValue = "1000") long expirySweepMs,
                                @Bindable(defaultValue = "500") long availabilityMs,
                                @Bindable(defaultValue = "7d") Duration retention) {
}
