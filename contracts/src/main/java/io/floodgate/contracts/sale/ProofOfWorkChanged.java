package io.floodgate.contracts.sale;

import io.floodgate.contracts.EventMeta;

/**
 * An operator switched the proof of work on joining on or off, or changed its difficulty, live.
 *
 * @param maxNumber the difficulty: each challenge's secret number is drawn from 0..maxNumber
 * @param reason    the operator's words, or null
 */
public record ProofOfWorkChanged(EventMeta meta, String operator, String reason, boolean required, long maxNumber)
        implements SaleEvent {

    public ProofOfWork proofOfWork() {
        return new ProofOfWork(required, maxNumber);
    }
}
