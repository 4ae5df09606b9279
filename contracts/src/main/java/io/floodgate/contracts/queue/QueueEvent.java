package io.floodgate.contracts.queue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/** Topic {@code floodgate.queue}: places in line and admissions, written by queue-service. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(DrawCommitted.class),
        @JsonSubTypes.Type(BuyerPreQueued.class),
        @JsonSubTypes.Type(LineOpened.class),
        @JsonSubTypes.Type(BuyerQueued.class),
        @JsonSubTypes.Type(BuyerAdmitted.class),
        @JsonSubTypes.Type(AdmissionLapsed.class),
        @JsonSubTypes.Type(BuyerTurnedAway.class),
        @JsonSubTypes.Type(AccessCodesAdded.class)})
public sealed interface QueueEvent extends Event
        permits DrawCommitted, BuyerPreQueued, LineOpened, BuyerQueued, BuyerAdmitted, AdmissionLapsed,
        BuyerTurnedAway, AccessCodesAdded {
}
