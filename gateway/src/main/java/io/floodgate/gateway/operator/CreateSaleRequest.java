package io.floodgate.gateway.operator;

import io.floodgate.contracts.sale.SaleLimits;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * A new sale. Durations are in seconds. Absent optional fields take the documented defaults:
 * opens now, 10-minute holds, 10-minute admission windows, payments at the provider's rate alone
 * ({@code paymentRatePerMinute} can only slow a sale's charges below it), public (not {@code inviteOnly},
 * which takes only buyers with an access code). The sale's shape (sections,
 * seats, names, per-buyer limit) is held to {@link SaleLimits} once the sale is built.
 */
@Introspected
public record CreateSaleRequest(
        @NotBlank @Pattern(regexp = SaleLimits.ID_PATTERN, message = "must be 1-40 lowercase letters, digits or -")
        String saleId,
        @NotBlank String name,
        @Nullable String opensAt,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @Min(1) @Max(100_000) Integer admissionRatePerSecond,
        @NotNull @Min(1) @Max(10_000_000) Integer maxActiveShoppers,
        @Nullable @Min(10) @Max(86_400) Integer admissionWindowSeconds,
        @Nullable @Min(10) @Max(86_400) Integer holdDurationSeconds,
        @NotNull @Min(1) Integer perBuyerLimit,
        @NotEmpty @Valid List<SectionRequest> sections,
        @Nullable @Min(1) @Max(1_000_000) Integer paymentRatePerMinute,
        @Nullable Boolean inviteOnly) {
}
