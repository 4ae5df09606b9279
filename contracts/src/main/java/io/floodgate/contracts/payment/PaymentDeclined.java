package io.floodgate.contracts.payment;

import io.floodgate.contracts.EventMeta;

/**
 * The charge failed for good: nothing was taken from the buyer, and asking again cannot help.
 * {@code code} says why (see {@link #DECLINED} and the others); records written before it existed
 * have none, and mean {@link #DECLINED}.
 */
public record PaymentDeclined(EventMeta meta, String holdId, String sectionId, String reason, String code)
        implements PaymentEvent {
    /** The provider declined the card (HTTP 402). */
    public static final String DECLINED = "DECLINED";
    /** The provider refused the request itself (a 4xx such as 400 or 422: an invalid payment method, say). */
    public static final String REJECTED = "REJECTED";
    /** The provider kept failing this one call while it answered others; it holds no charge under the key. */
    public static final String FAILED = "FAILED";

    public PaymentDeclined {
        code = code == null ? DECLINED : code;
    }

    /** A decline by the card's issuer (HTTP 402), as before codes existed. */
    public PaymentDeclined(EventMeta meta, String holdId, String sectionId, String reason) {
        this(meta, holdId, sectionId, reason, DECLINED);
    }
}
