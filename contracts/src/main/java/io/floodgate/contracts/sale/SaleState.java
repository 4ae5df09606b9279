package io.floodgate.contracts.sale;

import java.time.Duration;
import java.time.Instant;

/**
 * A sale's current state, folded from its events. Every service that needs it folds the same
 * events with this one class, so they agree.
 *
 * @param pausedSince when the current pause began, or null when not paused
 * @param pausedTotal time spent paused in pauses that have ended
 * @param message     the operator's message to the line, or null
 * @param proofOfWork what a join must solve; {@link ProofOfWork#OFF} until an operator sets it
 */
public record SaleState(String saleId, SaleConfig config, int admissionRatePerSecond, Instant pausedSince,
                        Duration pausedTotal, boolean closed, String message, ProofOfWork proofOfWork) {

    public SaleState {
        // State stored before proof of work existed has no field: such a sale requires none.
        proofOfWork = proofOfWork == null ? ProofOfWork.OFF : proofOfWork;
    }

    public static SaleState created(SaleCreated created) {
        return new SaleState(created.meta().saleId(), created.config(), created.config().admissionRatePerSecond(),
                null, Duration.ZERO, false, null, ProofOfWork.OFF);
    }

    public SaleState apply(SaleEvent event) {
        Instant at = event.meta().occurredAt();
        // A pause recorded after the close (two operators racing) is refused: a closed sale never freezes.
        if (event instanceof SalePaused && pausedSince == null && !closed) {
            return new SaleState(saleId, config, admissionRatePerSecond, at, pausedTotal, closed, message, proofOfWork);
        }
        if (event instanceof SaleResumed && pausedSince != null) {
            return new SaleState(saleId, config, admissionRatePerSecond, null,
                    pausedTotal.plus(Duration.between(pausedSince, at)), closed, message, proofOfWork);
        }
        if (event instanceof SaleClosed) {
            // A pause ends with the sale: holds and windows run out again rather than freeze for ever.
            return new SaleState(saleId, config, admissionRatePerSecond, null, pausedUntil(at), true, message, proofOfWork);
        }
        if (event instanceof AdmissionRateChanged changed) {
            return new SaleState(saleId, config, changed.admissionRatePerSecond(), pausedSince, pausedTotal, closed,
                    message, proofOfWork);
        }
        if (event instanceof QueueMessagePosted posted) {
            String text = posted.message() == null || posted.message().isBlank() ? null : posted.message();
            return new SaleState(saleId, config, admissionRatePerSecond, pausedSince, pausedTotal, closed, text, proofOfWork);
        }
        if (event instanceof ProofOfWorkChanged changed) {
            return new SaleState(saleId, config, admissionRatePerSecond, pausedSince, pausedTotal, closed, message,
                    changed.proofOfWork());
        }
        return this;
    }

    public boolean paused() {
        return pausedSince != null;
    }

    public boolean opensLaterThan(Instant now) {
        return now.isBefore(config.opensAt());
    }

    /** Total time this sale has spent paused up to {@code now}: windows and holds are extended by it. */
    public Duration pausedUntil(Instant now) {
        return paused() ? pausedTotal.plus(Duration.between(pausedSince, now)) : pausedTotal;
    }

    public SalePhase phase(Instant now, boolean soldOut) {
        if (closed) {
            return SalePhase.CLOSED;
        }
        if (soldOut) {
            return SalePhase.SOLD_OUT;
        }
        if (paused()) {
            return SalePhase.PAUSED;
        }
        return opensLaterThan(now) ? SalePhase.SCHEDULED : SalePhase.ON_SALE;
    }
}
