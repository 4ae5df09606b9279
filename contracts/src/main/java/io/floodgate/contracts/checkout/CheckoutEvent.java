package io.floodgate.contracts.checkout;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/** Topic {@code floodgate.checkouts}: buyers asking to pay for a hold, keyed by hold. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(CheckoutRequested.class)})
public sealed interface CheckoutEvent extends Event permits CheckoutRequested {
}
