package io.floodgate.gateway.hold;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Hold seats in a section: {@code quantity} of the best available, or exactly the {@code seats}
 * named (e.g. {@code ["B-7","B-8"]}). The sale's per-buyer limit applies on top of these bounds.
 */
@Introspected
public record HoldRequest(@NotBlank String sectionId, @Nullable @Min(1) @Max(100) Integer quantity,
                         @Nullable @Size(min = 1, max = 100) List<@NotBlank String> seats) {
}
