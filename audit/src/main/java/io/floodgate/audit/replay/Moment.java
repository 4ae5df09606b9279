package io.floodgate.audit.replay;

import java.time.Instant;

/** Something a person looking back at the sale wants to see on its timeline. */
public record Moment(Instant at, String what) {
}
