package io.floodgate.gateway.identity;

import io.micronaut.core.annotation.Nullable;

/**
 * Who is asking, from their credential (never from what they typed).
 *
 * @param buyerId the buyer: a site token's subject, or the gateway's anonymous identity
 * @param issued  minted by this request (anonymous mode): the answer must hand {@code token} back
 * @param token   the anonymous identity token, exactly when {@code issued}
 */
public record BuyerIdentity(String buyerId, boolean issued, @Nullable String token) {
    public BuyerIdentity {
        if (issued == (token == null)) {
            throw new IllegalArgumentException("an identity carries its token exactly when it was issued");
        }
    }

    /** An identity the request proved (site token, or an anonymous identity issued before). */
    public BuyerIdentity(String buyerId, boolean issued) {
        this(buyerId, issued, null);
    }
}
