package io.floodgate.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * {@code floodgate.gateway.*}.
 *
 * @param answerWait      how long a request waits for the owning service's answer (a place in line, a
 *                        hold) before answering an explicit pending state instead
 * @param allowedOrigins  the web origins whose pages may call the API, besides the gateway's own
 * @param minCheckoutTime the least time a hold must have left for its checkout to be taken: less,
 *                        and inventory might read the checkout after the hold expired
 */
@ConfigurationProperties("floodgate.gateway")
public record GatewaySettings(@Bindable(defaultValue = "3s") Duration answerWait,
                              @Bindable(defaultValue = "http://localhost:8080,http://127.0.0.1:8080")
                              List<String> allowedOrigins,
                              @Bindable(defaultValue = "5s") Duration minCheckoutTime) {
}
