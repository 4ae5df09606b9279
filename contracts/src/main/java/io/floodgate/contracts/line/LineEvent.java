package io.floodgate.contracts.line;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/**
 * Topic {@code floodgate.lines}: a compacted summary of each sale's line, written by queue-service.
 * The latest record per sale is what {@code floodgate.queue} has said of the line so far, so a
 * reader that starts after the queue's older records are gone (retention) still knows it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(LineSummary.class)})
public sealed interface LineEvent extends Event permits LineSummary {
}
