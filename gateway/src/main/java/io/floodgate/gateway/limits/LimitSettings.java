package io.floodgate.gateway.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * {@code floodgate.gateway.limits.*}: requests per second allowed per client address and per
 * buyer (each with a burst of twice that), how many buyer requests one instance works on at once
 * and how many status streams it keeps open before it sheds load, and the proxies whose
 * {@code X-Forwarded-For} is believed (addresses or CIDR ranges; none by default).
 */
@ConfigurationProperties("floodgate.gateway.limits")
public record LimitSettings(
        @Bindable(defaultValue = "50") double joinPerAddress,
        @Bindable(defaultValue = "2") double joinPerBuyer,
        @Bindable(defaultValue = "500") double statusPerAddress,
        @Bindable(defaultValue = "10") double statusPerBuyer,
        @Bindable(defaultValue = "5000") int maxInFlight,
        @Bindable(defaultValue = "20000") int maxStreams,
        @Bindable(defaultValue = "") List<String> trustedProxies) {

    public LimitSettings {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
    }
}
