package io.floodgate.gateway.buyer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.floodgate.contracts.accesscode.AccessCodes;
import io.floodgate.gateway.api.ApiException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * A join's body; {@code {}} (or none) is a whole join. The buyer is never named here: it comes
 * from the credential (io.floodgate.gateway.identity).
 *
 * @param namedBuyer a {@code buyerId} the body names anyway, whatever its type: read only to be
 *                   refused, so an old client learns why instead of being silently someone else
 * @param altcha     the solved proof-of-work challenge (base64, as ALTCHA clients send it), when
 *                   the sale requires one (io.floodgate.gateway.proofofwork, which bounds its length and
 *                   answers an oversized one 400 PROOF_OF_WORK_INVALID with how to get a challenge)
 * @param accessCode an invite-only sale's access code, as the buyer typed it (ignored by public sales)
 */
@Introspected
public record JoinRequest(@JsonProperty("buyerId") @Nullable @Schema(hidden = true) JsonNode namedBuyer,
                          @Nullable String altcha,
                          @Nullable @Size(max = AccessCodes.MAX_TYPED_LENGTH) String accessCode) {

    /** 400 IDENTITY_IN_BODY if the body names a buyer. */
    static void refuseNamedIdentity(@Nullable JoinRequest request) {
        if (request != null && request.namedBuyer() != null) {
            throw ApiException.badRequest("IDENTITY_IN_BODY", "Do not send buyerId: your identity comes from your "
                    + "credential (the identity cookie or Floodgate-Identity header, or the site's sign-in token).");
        }
    }

    static @Nullable String accessCodeOf(@Nullable JoinRequest request) {
        return request == null ? null : request.accessCode();
    }

    static @Nullable String altchaOf(@Nullable JoinRequest request) {
        return request == null ? null : request.altcha();
    }
}
