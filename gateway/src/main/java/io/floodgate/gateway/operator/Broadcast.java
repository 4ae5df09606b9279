package io.floodgate.gateway.operator;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A message every buyer of the sale sees with their status; an empty message clears it. */
@Introspected
public record Broadcast(@NotNull @Size(max = 500) String message) {
}
