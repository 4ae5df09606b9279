package io.floodgate.gateway.tokens;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;
import java.util.Optional;

/**
 * {@code floodgate.tokens.*}: the HMAC keys shared by every gateway instance, from the
 * environment. {@code secret} signs; {@code previous-secrets} still verify, so a key can be
 * rotated without logging anybody out: add the new key as {@code secret}, move the old one to
 * {@code previous-secrets}, and drop it once its tokens have expired. Without a secret each
 * instance draws a random key, so tokens do not survive a restart nor cross instances.
 */
@ConfigurationProperties("floodgate.tokens")
public record TokenSettings(Optional<String> secret, @Bindable(defaultValue = "") List<String> previousSecrets) {
    public TokenSettings {
        previousSecrets = previousSecrets == null ? List.of()
                : previousSecrets.stream().filter(s -> !s.isBlank()).toList();
    }
}
