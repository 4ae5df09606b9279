package io.floodgate.contracts.payment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.floodgate.contracts.Event;

/** Topic {@code floodgate.payments}: what the payment provider answered, keyed by hold. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(PaymentAuthorized.class), @JsonSubTypes.Type(PaymentDeclined.class),
        @JsonSubTypes.Type(PaymentRefunded.class), @JsonSubTypes.Type(PaymentRefundRefused.class)})
public sealed interface PaymentEvent extends Event
        permits PaymentAuthorized, PaymentDeclined, PaymentRefunded, PaymentRefundRefused {
    String holdId();

    String sectionId();
}
