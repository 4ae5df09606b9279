package io.floodgate.contracts.provider;

import io.floodgate.contracts.EventMeta;

import java.time.Duration;

/** The provider answers again (its circuit closed): waiting payments go on, in order. */
public record ProviderRecovered(EventMeta meta, String provider, Duration unavailableFor) implements ProviderEvent {
}
