package io.floodgate.contracts.sale;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/**
 * Topic {@code floodgate.sales}: a sale's configuration and lifecycle, kept forever for audit.
 * Every event is an operator's action and names the operator; {@link SaleState} folds them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(SaleCreated.class),
        @JsonSubTypes.Type(SalePaused.class),
        @JsonSubTypes.Type(SaleResumed.class),
        @JsonSubTypes.Type(SaleClosed.class),
        @JsonSubTypes.Type(AdmissionRateChanged.class),
        @JsonSubTypes.Type(QueueMessagePosted.class),
        @JsonSubTypes.Type(ProofOfWorkChanged.class)})
public sealed interface SaleEvent extends Event
        permits SaleCreated, SalePaused, SaleResumed, SaleClosed, AdmissionRateChanged, QueueMessagePosted,
        ProofOfWorkChanged {
    String operator();
}
