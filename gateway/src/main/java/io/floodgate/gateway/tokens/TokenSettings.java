package io.floodgate.gateway.tokens;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.Optional;

/**
 * {@code floodgate.tokens.secret}: the HMAC key shared by every gateway instance. Set it from the
 * environment ({@code FLOODGATE_TOKENS_SECRET}); without it each instance draws a random key, so
 * tokens do not survive a restart nor cross instances.
 */
@ConfigurationProperties("floodgate.tokens")
public record TokenSettings(Optional<String> secret) {
}
