package io.floodgate.contracts.availability;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/**
 * Topic {@code floodgate.availability}: a compacted view of each section's seats, written by
 * inventory-service after changes. The latest record per key is the section's current state.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(SectionAvailability.class)})
public sealed interface AvailabilityEvent extends Event permits SectionAvailability {
}
