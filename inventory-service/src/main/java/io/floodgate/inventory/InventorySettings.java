package io.floodgate.inventory;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code floodgate.inventory.*}: how often expired holds are swept. */
@ConfigurationProperties("floodgate.inventory")
public record InventorySettings(@Bindable(defaultValue = "1000") long expirySweepMs) {
}
