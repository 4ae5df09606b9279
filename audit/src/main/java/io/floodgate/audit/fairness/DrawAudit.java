package io.floodgate.audit.fairness;

import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.contracts.queue.DrawCommitment;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.LineOpened;

import java.util.List;

/**
 * Checks the draw nobody can rig: one commitment, before the first arrival in the log, and
 * SHA-256 of what the opening revealed is that commitment ({@link DrawCommitment}).
 */
final class DrawAudit {
    private DrawAudit() {
    }

    /** {@code allowUncommitted}: a sale from before commitments is reported, not refused. */
    static FairnessReport.Draw of(SaleReplay replay, LineOpened opened, boolean allowUncommitted, List<String> findings) {
        DrawCommitted committed = replay.committed();
        long arrivedBefore = replay.arrivedBeforeCommitment();
        String nonce = opened == null ? null : opened.nonce();
        if (committed == null) {
            if (nonce != null) {
                findings.add("draw refused: the opening revealed a nonce but the log has no commitment to check it against");
                return new FairnessReport.Draw(DrawVerdict.MISMATCH, null, null, null, nonce, arrivedBefore);
            }
            if (!allowUncommitted) {
                findings.add("draw refused: the log has no commitment to the draw (--allow-uncommitted accepts"
                        + " a sale from before commitments)");
            }
            return new FairnessReport.Draw(DrawVerdict.NOT_COMMITTED, null, null, null, null, arrivedBefore);
        }
        DrawVerdict verdict;
        if (opened != null && !DrawCommitment.matches(committed.scheme(), committed.commitment(), nonce, opened.seed())) {
            verdict = DrawVerdict.MISMATCH;
            findings.add(!DrawCommitment.SCHEME.equals(committed.scheme())
                    ? "draw refused: the commitment's scheme '" + committed.scheme() + "' is not " + DrawCommitment.SCHEME
                    : nonce == null ? "draw refused: the opening revealed no nonce to check the commitment with"
                    : !DrawCommitment.wellFormedNonce(nonce) ? "draw refused: the revealed nonce is not 32 lowercase hex digits"
                    : "draw refused: SHA-256 of the revealed nonce and seed is not the commitment "
                    + committed.commitment());
        } else {
            verdict = opened == null ? DrawVerdict.NOT_YET_REVEALED : DrawVerdict.VERIFIED;
        }
        if (replay.commitmentContradicted()) {
            findings.add("draw refused: the log commits to the draw more than once, differently");
            verdict = DrawVerdict.MISMATCH;
        }
        if (arrivedBefore > 0) {
            findings.add("draw refused: " + arrivedBefore + " arrival(s) came before the draw was committed to");
            if (verdict != DrawVerdict.MISMATCH) {
                verdict = DrawVerdict.COMMITTED_LATE;
            }
        }
        return new FairnessReport.Draw(verdict, committed.scheme(), committed.commitment(),
                committed.meta().occurredAt(), nonce, arrivedBefore);
    }
}
