package io.floodgate.cli.loadgen;

import io.floodgate.audit.reconcile.SaleReconciliation;
import io.floodgate.audit.replay.BuyerRecord;
import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.cli.audit.ReconcileCommand;
import io.floodgate.kit.stack.LocalStack;
import io.floodgate.payment.reconcile.Difference;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the system's own records say after a run, beside what buyers were told: every arrival the
 * gateway acknowledged is in the log, the log sold no seat twice nor beyond capacity, and the
 * ledger, the log and the provider's charges agree (no double charge among them).
 *
 * @param arrivalsLost   acknowledged joins (200 or 202) whose buyer has no arrival in the log (must be 0)
 * @param lostExamples   up to ten of them
 * @param oversoldInLog  seats the log sold beyond capacity or twice (must be 0)
 * @param doubleCharges  holds charged more than once at the provider (must be 0)
 * @param differences    every difference of the reconciliation, by kind (empty when it is clean)
 */
public record LogChecks(long arrivalsAcknowledged, long arrivalsLost, List<String> lostExamples, long oversoldInLog,
                 long doubleCharges, Map<String, Long> differences) {
    private static final int RECONCILE_ATTEMPTS = 10;

    boolean passed() {
        return arrivalsLost == 0 && oversoldInLog == 0 && doubleCharges == 0 && differences.isEmpty();
    }

    static LogChecks of(LocalStack stack, String saleId, SaleReplay replay, List<String> acknowledged) throws Exception {
        Set<String> logged = replay.buyers().stream().map(BuyerRecord::buyerId).collect(Collectors.toSet());
        List<String> lost = acknowledged.stream().filter(b -> !logged.contains(b)).toList();
        Map<String, Long> differences = differences(stack, saleId);
        return new LogChecks(acknowledged.size(), lost.size(), lost.stream().limit(10).toList(), replay.oversold(),
                differences.getOrDefault(Difference.Kind.DOUBLE_CHARGE.name(), 0L), differences);
    }

    /** The ledger is a projection a moment behind the log: a difference must outlast a few tries to count. */
    private static Map<String, Long> differences(LocalStack stack, String saleId) throws Exception {
        Map<String, Long> byKind = Map.of();
        for (int attempt = 0; attempt < RECONCILE_ATTEMPTS; attempt++) {
            SaleReconciliation r = ReconcileCommand.reconcile(List.of(saleId, "--kafka", stack.bootstrapServers(),
                    "--jdbc", stack.jdbcUrl(), "--provider", stack.paymentProviderUrl()));
            byKind = new TreeMap<>(r.reconciliation().differences().stream()
                    .collect(Collectors.groupingBy(d -> d.kind().name(), Collectors.counting())));
            if (byKind.isEmpty()) {
                break;
            }
            Thread.sleep(2000);
        }
        return byKind;
    }
}
