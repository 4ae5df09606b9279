package io.floodgate.inventory;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code floodgate.inventory.*}.
 *
 * @param expirySweepMs   how often expired holds are released
 * @param availabilityMs  how often changed sections' availability is published (its freshness)
 */
@ConfigurationProperties("floodgate.inventory")
public record InventorySettings(@Bindable(defaultValue = "1000") long expirySweepMs,
                                @Bindable(defaultValue = "500") long availabilityMs) {
}
