package io.floodgate.simulator;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * {@code floodgate.simulator.*}: how the simulated provider behaves.
 *
 * @param latency       how long each answer takes at least
 * @param latencyJitter a further random delay, up to this much
 * @param declineRate   share of charges declined (0 to 1), chosen by the idempotency key so it is repeatable
 * @param outages       windows when every request gets 503, as ISO-8601 {@code start/duration}
 *                      (for example {@code 2026-11-22T20:00:00Z/PT2M}); more can be added over HTTP
 * @param dataFile      where the record of charges is kept across restarts (a JSON-lines file);
 *                      empty: in memory only
 */
@ConfigurationProperties("floodgate.simulator")
public record SimulatorSettings(@Bindable(defaultValue = "50ms") Duration latency,
                                @Bindable(defaultValue = "20ms") Duration latencyJitter,
                                @Bindable(defaultValue = "0") double declineRate,
                                @Bindable(defaultValue = "") List<String> outages,
                                @Bindable(defaultValue = "") String dataFile) {
    public SimulatorSettings {
        if (declineRate < 0 || declineRate > 1) {
            throw new IllegalArgumentException("floodgate.simulator.decline-rate must be within 0..1, was " + declineRate);
        }
        dataFile = dataFile == null ? "" : dataFile;
        outages = outages == null ? List.of() : outages.stream().filter(s -> !s.isBlank()).toList();
    }
}
