package io.floodgate.contracts.accesscode;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/**
 * Topic {@code floodgate.access-codes}: the hashes of an invite-only sale's access codes, written by
 * the gateway, read by queue-service (the one that decides whether a code is valid and unused).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(AccessCodesIssued.class)})
public sealed interface AccessCodeEvent extends Event permits AccessCodesIssued {
}
