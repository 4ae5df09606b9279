package io.floodgate.gateway.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code floodgate.gateway.limits.*}: requests per second allowed per client address and per
 * buyer (each with a burst of twice that), and how many buyer requests one instance works on at
 * once before it sheds load.
 */
@ConfigurationProperties("floodgate.gateway.limits")
public record LimitSettings(
        @Bindable(defaultValue = "50") double joinPerAddress,
        @Bindable(defaultValue = "2") double joinPerBuyer,
        @Bindable(defaultValue = "500") double statusPerAddress,
        @Bindable(defaultValue = "10") double statusPerBuyer,
        @Bindable(defaultValue = "5000") int maxInFlight) {
}
