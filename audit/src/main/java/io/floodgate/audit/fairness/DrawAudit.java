package io.floodgate.audit.fairness;

import io.floodgate.contracts.queue.DrawCommitment;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.LineOpened;

import java.util.List;

/**
 * Checks the draw nobody can rig: the commitment came before the first pre-queued buyer in the
 * log, and SHA-256 of what the opening revealed is that commitment ({@link DrawCommitment}).
 */
final class DrawAudit {
    private DrawAudit() {
    }

    static FairnessReport.Draw of(DrawCommitted committed, LineOpened opened, long preQueuedBeforeCommitment,
                                  List<String> findings) {
        String nonce = opened == null ? null : opened.nonce();
        if (committed == null) {
            return new FairnessReport.Draw(DrawVerdict.NOT_COMMITTED, null, null, null, nonce, preQueuedBeforeCommitment);
        }
        DrawVerdict verdict;
        if (opened != null && !DrawCommitment.matches(committed.scheme(), committed.commitment(), nonce, opened.seed())) {
            verdict = DrawVerdict.MISMATCH;
            findings.add(!DrawCommitment.SCHEME.equals(committed.scheme())
                    ? "draw refused: the commitment's scheme '" + committed.scheme() + "' is not " + DrawCommitment.SCHEME
                    : nonce == null ? "draw refused: the opening revealed no nonce to check the commitment with"
                    : "draw refused: SHA-256 of the revealed nonce and seed is not the commitment "
                    + committed.commitment());
        } else {
            verdict = opened == null ? DrawVerdict.NOT_YET_REVEALED : DrawVerdict.VERIFIED;
        }
        if (preQueuedBeforeCommitment > 0) {
            findings.add("draw refused: " + preQueuedBeforeCommitment
                    + " buyer(s) were pre-queued before the draw was committed to");
            if (verdict != DrawVerdict.MISMATCH) {
                verdict = DrawVerdict.COMMITTED_LATE;
            }
        }
        return new FairnessReport.Draw(verdict, committed.scheme(), committed.commitment(),
                committed.meta().occurredAt(), nonce, preQueuedBeforeCommitment);
    }
}
