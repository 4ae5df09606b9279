package io.floodgate.gateway.operator;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an operator acts; recorded in the event for audit. */
@Introspected
public record OperatorNote(@NotBlank @Size(max = 500) String reason) {
}
