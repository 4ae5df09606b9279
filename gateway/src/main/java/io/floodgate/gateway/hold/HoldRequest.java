package io.floodgate.gateway.hold;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Hold {@code quantity} seats in a section; the sale's per-buyer limit applies on top of these bounds. */
@Introspected
public record HoldRequest(@NotBlank String sectionId, @NotNull @Min(1) @Max(100) Integer quantity) {
}
