package io.floodgate.audit.fairness;

import java.time.Instant;

/**
 * One minute of admissions against what the sale's rate allowed in it.
 *
 * @param minute      minutes since the line opened
 * @param allowed     the rate over the minute's running (not paused, not closed) time
 * @param burst       what the admission meter may carry into a minute: one second at the highest rate in it
 * @param withinRate  {@code admitted <= allowed + burst}
 */
public record AdmissionMinute(long minute, Instant from, long admitted, double allowed, long burst,
                              boolean withinRate) {
}
