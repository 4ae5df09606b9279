package io.floodgate.queue.line;

import io.floodgate.contracts.line.LineSummary;

/** A sale's line summary, and whether it has been published since it last changed. */
public record PendingSummary(LineSummary summary, boolean published) {
}
