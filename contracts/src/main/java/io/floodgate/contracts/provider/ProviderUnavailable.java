package io.floodgate.contracts.provider;

import io.floodgate.contracts.EventMeta;

import java.time.Instant;

/**
 * The provider stopped answering (its circuit opened): payments wait and are retried; holds in
 * payment are kept. {@code ratePerMinute} is the pace payments will resume at.
 */
public record ProviderUnavailable(EventMeta meta, String provider, String reason, Instant since,
                                  int ratePerMinute) implements ProviderEvent {
}
