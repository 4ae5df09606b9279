package io.floodgate.queue;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code floodgate.queue.*}.
 *
 * @param tickMs          how often the admission loop ticks
 * @param openingGraceMs  with no arrival made after opening time yet, a line opens this long after
 *                        opening time and once arrivals have been quiet this long (see SaleLine#dueToOpen)
 * @param closedGraceMs   how long after a sale closed queue-service keeps its line before deleting it
 */
@ConfigurationProperties("floodgate.queue")
public record QueueSettings(@Bindable(defaultValue = "200") long tickMs,
                            @Bindable(defaultValue = "2000") long openingGraceMs,
                            @Bindable(defaultValue = "3600000") long closedGraceMs) {
}
