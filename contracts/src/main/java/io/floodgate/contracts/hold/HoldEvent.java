package io.floodgate.contracts.hold;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/** Topic {@code floodgate.holds}: what happened to each hold, written by inventory-service. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(HoldPlaced.class),
        @JsonSubTypes.Type(HoldRejected.class),
        @JsonSubTypes.Type(HoldExpired.class),
        @JsonSubTypes.Type(HoldReleased.class),
        @JsonSubTypes.Type(HoldSold.class),
        @JsonSubTypes.Type(HoldSaleRefused.class),
        @JsonSubTypes.Type(HoldExtended.class)})
public sealed interface HoldEvent extends Event
        permits HoldPlaced, HoldRejected, HoldExpired, HoldReleased, HoldSold, HoldSaleRefused, HoldExtended {
    String holdId();

    String buyerId();

    String sectionId();
}
