package io.floodgate.gateway.accesscode;

import io.floodgate.contracts.accesscode.AccessCodes;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Either {@code count} codes for the gateway to generate, or {@code codes} to import (the operator's
 * own, each checked against the format of {@link AccessCodes}); at most {@link AccessCodes#MAX_PER_CALL}.
 */
@Introspected
public record AccessCodeRequest(
        @Nullable @Min(1) @Max(AccessCodes.MAX_PER_CALL) Integer count,
        @Nullable @Size(min = 1, max = AccessCodes.MAX_PER_CALL) List<String> codes) {
}
