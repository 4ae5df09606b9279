package io.floodgate.queue;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code floodgate.queue.*}: how often the admission loop ticks. */
@ConfigurationProperties("floodgate.queue")
public record QueueSettings(@Bindable(defaultValue = "200") long tickMs) {
}
