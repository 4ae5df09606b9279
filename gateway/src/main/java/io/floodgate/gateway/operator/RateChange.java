package io.floodgate.gateway.operator;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Introspected
public record RateChange(@NotNull @Min(1) @Max(100_000) Integer admissionRatePerSecond,
                         @NotBlank @Size(max = 500) String reason) {
}
