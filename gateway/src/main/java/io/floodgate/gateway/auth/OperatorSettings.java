package io.floodgate.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.Optional;

/**
 * {@code floodgate.operator.token}: the operators' credential, from the environment
 * ({@code FLOODGATE_OPERATOR_TOKEN}). Without it the operator API refuses every call.
 */
@ConfigurationProperties("floodgate.operator")
public record OperatorSettings(Optional<String> token) {
}
