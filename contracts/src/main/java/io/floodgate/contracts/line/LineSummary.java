package io.floodgate.contracts.line;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.queue.AccessCodesAdded;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.QueueEvent;

/**
 * A sale's line as its queue events have told it so far: the fold of {@code floodgate.queue} for
 * one sale, in a record that does not grow. Every counter only grows (and the draw's fields are
 * set once), so summaries and queue events read in any order combine by taking the larger.
 *
 * @param seed             the pre-queue's draw ({@link LineOpened}), null until the line opens
 * @param permutation      the draw's algorithm, null until the line opens
 * @param preQueueSize     buyers who arrived before opening
 * @param lastSequence     the highest place given
 * @param admittedThrough  every place up to this one has been admitted
 * @param commitment       the draw's commitment ({@link DrawCommitted}), null if none was recorded
 * @param commitmentScheme how {@code commitment} was computed, null with it
 * @param nonce            revealed with the seed at opening, null until then (and for lines drawn
 *                         before commitments)
 * @param accessCodesIssued an invite-only sale's distinct access codes ({@link AccessCodesAdded}); 0 in
 *                          summaries from before access codes
 */
public record LineSummary(EventMeta meta, Long seed, String permutation, long preQueueSize, long lastSequence,
                          long admittedThrough, String commitment, String commitmentScheme, String nonce,
                          long accessCodesIssued)
        implements LineEvent {

    /** A line with no access codes. */
    public LineSummary(EventMeta meta, Long seed, String permutation, long preQueueSize, long lastSequence,
                       long admittedThrough, String commitment, String commitmentScheme, String nonce) {
        this(meta, seed, permutation, preQueueSize, lastSequence, admittedThrough, commitment, commitmentScheme, nonce,
                0);
    }

    public static LineSummary of(EventMeta meta) {
        return new LineSummary(meta, null, null, 0, 0, 0, null, null, null);
    }

    public boolean opened() {
        return seed != null;
    }

    /** The line after {@code event}, with the same meta. */
    public LineSummary apply(QueueEvent event) {
        if (event instanceof DrawCommitted committed && commitment == null) {
            return new LineSummary(meta, seed, permutation, preQueueSize, lastSequence, admittedThrough,
                    committed.commitment(), committed.scheme(), nonce, accessCodesIssued);
        }
        if (event instanceof LineOpened opened && seed == null) {
            return new LineSummary(meta, opened.seed(), opened.permutation(), opened.preQueueSize(),
                    Math.max(lastSequence, opened.preQueueSize()), admittedThrough, commitment, commitmentScheme,
                    opened.nonce(), accessCodesIssued);
        }
        if (event instanceof BuyerPreQueued pre && seed == null && pre.preQueueIndex() + 1 > preQueueSize) {
            return withCounters(pre.preQueueIndex() + 1, lastSequence, admittedThrough);
        }
        if (event instanceof BuyerQueued queued && queued.sequence() > lastSequence) {
            return withCounters(preQueueSize, queued.sequence(), admittedThrough);
        }
        if (event instanceof BuyerAdmitted admitted && admitted.sequence() > admittedThrough) {
            return withCounters(preQueueSize, lastSequence, admitted.sequence());
        }
        if (event instanceof AccessCodesAdded codes && codes.issued() > accessCodesIssued) {
            return new LineSummary(meta, seed, permutation, preQueueSize, lastSequence, admittedThrough, commitment,
                    commitmentScheme, nonce, codes.issued());
        }
        return this;
    }

    private LineSummary withCounters(long preQueued, long last, long admitted) {
        return new LineSummary(meta, seed, permutation, preQueued, last, admitted, commitment, commitmentScheme, nonce,
                accessCodesIssued);
    }

    /** The same line, told at another time. */
    public LineSummary at(EventMeta when) {
        return new LineSummary(when, seed, permutation, preQueueSize, lastSequence, admittedThrough, commitment,
                commitmentScheme, nonce, accessCodesIssued);
    }

    /** Whether both say the same of the line (whenever they were told). */
    public boolean sameLineAs(LineSummary other) {
        return at(other.meta).equals(other);
    }
}
