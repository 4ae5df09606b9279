package io.floodgate.contracts.sale;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/** Topic {@code floodgate.sales}: a sale's configuration and lifecycle, kept forever for audit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(SaleCreated.class)})
public sealed interface SaleEvent extends Event permits SaleCreated {
}
