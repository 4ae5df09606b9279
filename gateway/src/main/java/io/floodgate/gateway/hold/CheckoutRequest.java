package io.floodgate.gateway.hold;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param paymentMethod the payment provider's token for the buyer's card, never card data */
@Introspected
public record CheckoutRequest(@NotBlank @Size(max = 200) String paymentMethod) {
}
