package io.floodgate.contracts.line;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.QueueEvent;

/**
 * A sale's line as its queue events have told it so far: the fold of {@code floodgate.queue} for
 * one sale, in a record that does not grow. Every counter only grows, so summaries and queue events
 * read in any order combine by taking the larger.
 *
 * @param seed            the pre-queue's draw ({@link LineOpened}), null until the line opens
 * @param permutation     the draw's algorithm, null until the line opens
 * @param preQueueSize    buyers who arrived before opening
 * @param lastSequence    the highest place given
 * @param admittedThrough every place up to this one has been admitted
 */
public record LineSummary(EventMeta meta, Long seed, String permutation, long preQueueSize, long lastSequence,
                          long admittedThrough) implements LineEvent {

    public static LineSummary of(EventMeta meta) {
        return new LineSummary(meta, null, null, 0, 0, 0);
    }

    public boolean opened() {
        return seed != null;
    }

    /** The line after {@code event}, with the same meta. */
    public LineSummary apply(QueueEvent event) {
        if (event instanceof LineOpened opened && seed == null) {
            return new LineSummary(meta, opened.seed(), opened.permutation(), opened.preQueueSize(),
                    Math.max(lastSequence, opened.preQueueSize()), admittedThrough);
        }
        if (event instanceof BuyerPreQueued pre && seed == null && pre.preQueueIndex() + 1 > preQueueSize) {
            return new LineSummary(meta, seed, permutation, pre.preQueueIndex() + 1, lastSequence, admittedThrough);
        }
        if (event instanceof BuyerQueued queued && queued.sequence() > lastSequence) {
            return new LineSummary(meta, seed, permutation, preQueueSize, queued.sequence(), admittedThrough);
        }
        if (event instanceof BuyerAdmitted admitted && admitted.sequence() > admittedThrough) {
            return new LineSummary(meta, seed, permutation, preQueueSize, lastSequence, admitted.sequence());
        }
        return this;
    }

    /** The same line, told at another time. */
    public LineSummary at(EventMeta when) {
        return new LineSummary(when, seed, permutation, preQueueSize, lastSequence, admittedThrough);
    }

    /** Whether both say the same of the line (whenever they were told). */
    public boolean sameLineAs(LineSummary other) {
        return at(other.meta).equals(other);
    }
}
