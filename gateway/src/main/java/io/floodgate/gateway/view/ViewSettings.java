package io.floodgate.gateway.view;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code floodgate.gateway.view.*}.
 *
 * @param endedSaleHoldsKept how long after a sale closes the view still keeps its ended holds (so a
 *                           buyer is told PURCHASED, and can read the hold); after that only holds
 *                           still in payment are kept, until their outcome
 */
@ConfigurationProperties("floodgate.gateway.view")
public record ViewSettings(@Bindable(defaultValue = "24h") Duration endedSaleHoldsKept) {
}
