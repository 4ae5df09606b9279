package io.floodgate.gateway.console;

import io.floodgate.contracts.sale.ProofOfWork;
import io.floodgate.gateway.view.PaymentLine;
import io.floodgate.gateway.view.SaleView;

import java.time.Instant;
import java.util.Map;

/**
 * One sale's live figures for the operators' console: totals the console turns into rates
 * (places and payments per second) and levels it shows as they are.
 *
 * @param places       buyers given a place so far (arrivals)
 * @param lag          records each service's consumer group is behind
 * @param proofOfWork  whether joins must carry a solved challenge, and how hard it is
 * @param inviteOnly   joining needs an access code
 * @param accessCodesIssued an invite-only sale's distinct access codes
 * @param accessCodesUsed   of those, the ones that admitted a buyer
 */
public record SaleFigures(String saleId, String name, Instant asOf, boolean paused, boolean closed, String message,
                          long places, long waiting, long admitted, int admissionRateSet, double admissionRateMeasured,
                          long shoppers, long capacity, long held, long sold, long remaining,
                          long paymentsWaiting, long paymentsFinished, boolean paymentsDelayed,
                          PaymentLine.Recent paymentsLastMinute, Map<String, Long> lag, ProofOfWork proofOfWork,
                          boolean inviteOnly, long accessCodesIssued, long accessCodesUsed) {

    static SaleFigures of(SaleView sale, PaymentLine payments, Map<String, Long> lag, Instant now) {
        return new SaleFigures(sale.saleId(), sale.config().name(), now, sale.state().paused(),
                sale.state().closed(), sale.state().message(), sale.lastSequence(),
                sale.waiting(), sale.admittedThrough(),
                sale.state().admissionRatePerSecond(), sale.measuredAdmissionRate(now),
                sale.shoppersWithOpenWindows(now), sale.stock().capacity(), sale.stock().held(), sale.stock().sold(),
                sale.stock().free(), payments.waiting(), payments.finishedSoFar(), payments.delayed(),
                payments.recent(now), lag, sale.state().proofOfWork(), sale.config().inviteOnly(),
                sale.accessCodesIssued(), sale.accessCodesUsed());
    }
}
