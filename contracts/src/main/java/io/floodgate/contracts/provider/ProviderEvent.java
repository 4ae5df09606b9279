package io.floodgate.contracts.provider;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/**
 * Topic {@code floodgate.payment-provider}: whether the payment provider is answering, keyed by
 * provider. It concerns every sale at once, so {@code meta.saleId} is {@code "*"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(ProviderUnavailable.class), @JsonSubTypes.Type(ProviderRecovered.class)})
public sealed interface ProviderEvent extends Event permits ProviderUnavailable, ProviderRecovered {
    String provider();
}
