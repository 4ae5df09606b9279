package io.floodgate.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.List;
import java.util.Optional;

/**
 * The operators' credentials (docs/configuration.md):
 * <ul>
 *   <li>{@code floodgate.operator.credentials} ({@code FLOODGATE_OPERATOR_CREDENTIALS}): one entry
 *   per operator, {@code name:role:sha256-of-token}, comma-separated (or a YAML list); role is
 *   {@code operator} or {@code viewer}. Only a hash of each token is configured.</li>
 *   <li>{@code floodgate.operator.token} ({@code FLOODGATE_OPERATOR_TOKEN}): one more credential,
 *   named {@code operator} with role operator (the local run's).</li>
 * </ul>
 * Without either the operator API refuses every call. Checked at startup by {@link OperatorCredentials}.
 */
@ConfigurationProperties("floodgate.operator")
public record OperatorSettings(Optional<String> token, Optional<List<String>> credentials) {
}
