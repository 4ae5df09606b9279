package io.floodgate.contracts.deadletter;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/**
 * Topic {@code floodgate.dead-letters}: records a Floodgate reader could not read and stepped over,
 * keyed by the topic they came from. Unlike every other topic it has many writers: each reader
 * writes its own dead letters, naming itself in {@code reader}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(RecordDeadLettered.class)})
public sealed interface DeadLetterEvent extends Event permits RecordDeadLettered {
}
