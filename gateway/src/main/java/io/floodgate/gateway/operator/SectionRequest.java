package io.floodgate.gateway.operator;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A section: assigned seating ({@code rows} x {@code seatsPerRow}) or general admission ({@code capacity}). */
@Introspected
public record SectionRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be 1-40 lowercase letters, digits or -")
        String id,
        @NotBlank String name,
        @Nullable @Min(1) @Max(1000) Integer rows,
        @Nullable @Min(1) @Max(1000) Integer seatsPerRow,
        @Nullable @Min(1) @Max(1_000_000) Integer capacity,
        @NotNull @Min(0) Long priceCents) {
}
