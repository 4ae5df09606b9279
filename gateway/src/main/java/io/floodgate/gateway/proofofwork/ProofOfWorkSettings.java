package io.floodgate.gateway.proofofwork;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code floodgate.proof-of-work.*}: how long a challenge may be solved and used, and how many used
 * solutions each instance remembers (each about 100 bytes). Challenges are signed with a key
 * derived from {@code floodgate.tokens.secret}, so every instance sharing it accepts them.
 * Which sales require a solution, and how hard it is, is the operator's (ProofOfWorkChanged).
 */
@ConfigurationProperties("floodgate.proof-of-work")
public record ProofOfWorkSettings(
        @Bindable(defaultValue = "5m") Duration challengeLifetime,
        @Bindable(defaultValue = "250000") int spentCapacity) {
}
