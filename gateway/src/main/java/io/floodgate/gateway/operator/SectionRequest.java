package io.floodgate.gateway.operator;

import io.floodgate.contracts.sale.SaleLimits;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A section: assigned seating ({@code rows} x {@code seatsPerRow}) or general admission ({@code capacity}),
 * its size held to {@link SaleLimits}.
 */
@Introspected
public record SectionRequest(
        @NotBlank @Pattern(regexp = SaleLimits.ID_PATTERN, message = "must be 1-40 lowercase letters, digits or -")
        String id,
        @NotBlank String name,
        @Nullable @Min(1) Integer rows,
        @Nullable @Min(1) Integer seatsPerRow,
        @Nullable @Min(1) Integer capacity,
        @NotNull @Min(0) Long priceCents) {
}
