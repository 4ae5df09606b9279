package io.floodgate.gateway.operator;

import io.floodgate.proofofwork.Challenges;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Proof of work on joining, switched on or off and its difficulty set. maxNumber 1,000 is a few
 * milliseconds for any device; 10,000,000 is 59 s on average and 118 s at worst at the 85,000 hashes/s
 * measured in desktop Chromium, about twice that on a phone hashing at half the rate (docs/benchmarks.md).
 *
 * @param maxNumber the difficulty, when required; without it, {@link Challenges#DEFAULT_MAX_NUMBER}
 */
@Introspected
public record ProofOfWorkChange(@NotNull Boolean required,
                                @Nullable @Min(1_000) @Max(10_000_000) Long maxNumber,
                                @Nullable @Size(max = 500) String reason) {
    long maxNumberOrDefault() {
        return maxNumber == null ? Challenges.DEFAULT_MAX_NUMBER : maxNumber;
    }
}
