package io.floodgate.payment.provider;

/** What a provider answered to a refund. */
public sealed interface RefundResult {
    record Refunded(String refundId) implements RefundResult {
    }

    /** The provider will not refund (unknown charge, say): asking again cannot help; a person must act. */
    record Refused(String reason) implements RefundResult {
    }
}
