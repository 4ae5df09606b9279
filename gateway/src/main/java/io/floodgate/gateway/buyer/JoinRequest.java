package io.floodgate.gateway.buyer;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** @param buyerId the buyer's identity (an account id): one place per buyer, whatever the device */
@Introspected
public record JoinRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@+-]{1,64}", message = "must be 1-64 letters, digits or ._@+-")
        String buyerId) {
}
