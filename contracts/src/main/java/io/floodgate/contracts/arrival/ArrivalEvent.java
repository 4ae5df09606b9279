package io.floodgate.contracts.arrival;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/** Topic {@code floodgate.arrivals}: buyers asking for a place in a sale's line. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(BuyerArrived.class)})
public sealed interface ArrivalEvent extends Event permits BuyerArrived {
}
