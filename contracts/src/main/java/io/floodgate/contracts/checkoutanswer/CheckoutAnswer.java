package io.floodgate.contracts.checkoutanswer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/**
 * Topic {@code floodgate.checkout-answers}: inventory-service's answer to each checkout, keyed by
 * hold. inventory is the authority on whether a hold is live, so a hold is charged only after it
 * is accepted here, never straight from the buyer's request.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(CheckoutAccepted.class), @JsonSubTypes.Type(CheckoutRefused.class)})
public sealed interface CheckoutAnswer extends Event permits CheckoutAccepted, CheckoutRefused {
    String holdId();

    String sectionId();
}
