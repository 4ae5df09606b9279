package io.floodgate.contracts.hold;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/**
 * Topic {@code floodgate.hold-commands}: requests to inventory-service, keyed by sale and section.
 * These are requests; what happened is on {@code floodgate.holds}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(HoldRequested.class)})
public sealed interface HoldCommand extends Event permits HoldRequested {
    String holdId();

    String sectionId();
}
