package io.floodgate.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code floodgate.gateway.*}.
 *
 * @param answerWait how long a request waits for the owning service's answer (a place in line, a
 *                   hold) before answering an explicit pending state instead
 */
@ConfigurationProperties("floodgate.gateway")
public record GatewaySettings(@Bindable(defaultValue = "3s") Duration answerWait) {
}
