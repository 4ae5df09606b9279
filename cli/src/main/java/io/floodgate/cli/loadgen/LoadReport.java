package io.floodgate.cli.loadgen;

import io.floodgate.cli.bench.RowLockBaseline;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a load run reached.
 *
 * @param sellOutSeconds seconds from the opening until no seat was left, or -1 if it never sold out
 * @param oversold       seats bought twice, plus seats bought beyond the sale's capacity (must be 0)
 * @param buyersWithoutFinalState buyers still without an explicit final state when the run ended (must be 0)
 * @param faults         the faults injected, with when (empty without {@code --faults})
 * @param faultsComplete every fault asked for was injected (true without {@code --faults})
 * @param checks         what the log, the ledger and the provider say after the run
 * @param loadSeconds    wall time from the sale's creation to the last buyer's final state
 * @param cpuSeconds     CPU seconds each process used over {@code loadSeconds}, largest first
 * @param saleEventsPerSecond the sale's events in the log over the time they span
 * @param baselines      measured on the same stack right after the load
 */
public record LoadReport(LoadPlan plan, long ticketsSold, double sellOutSeconds, double allFinalSeconds, long oversold,
                         long buyersWithoutFinalState, double requestsPerSecond,
                         Map<String, EndpointStats.Figures> endpoints, Map<String, Long> buyersByFinalState,
                         String fairness, List<String> faults, boolean faultsComplete, LogChecks checks,
                         double loadSeconds,
                         Map<String, Double> cpuSeconds, double saleEventsPerSecond,
                         Baselines baselines) {

    /**
     * Nothing oversold, every buyer final, no acknowledged arrival lost, no double charge, records
     * agree, and every fault asked for happened (a fault run without its faults proves nothing).
     */
    public boolean passed() {
        return oversold == 0 && buyersWithoutFinalState == 0 && checks.passed() && faultsComplete;
    }

    private void baselines(StringBuilder out) {
        Baselines b = baselines;
        double spike = plan.buyers() * (1 - plan.preQueueShare()) / Math.max(1e-3, plan.arrivalSeconds());
        EndpointStats.Figures status = endpoints.get("status");
        EndpointStats.Figures hold = endpoints.get("hold");
        RowLockBaseline.Result locks = b.rowLocks();
        out.append("\nbaselines, measured on the same stack right after the load\n")
                .append(String.format(Locale.ROOT, "  Kafka producer ceiling (%,d arrivals of one sale, acks=all, idempotent): "
                                + "%,.0f records/s%n    the spike's arrivals %,.0f/s = %.3f of it; the sale's events in the log "
                                + "%,.0f/s = %.3f of it%n", b.producerRecords(), b.producerPerSecond(), spike,
                        spike / b.producerPerSecond(), saleEventsPerSecond, saleEventsPerSecond / b.producerPerSecond()))
                .append(String.format(Locale.ROOT, "  HTTP, %d clients in a closed loop for %d s each: %s%n"
                                + "                                             %s%n    status / no-op throughput %.2f",
                        Baselines.HTTP_CLIENTS, Baselines.HTTP_ROUND.toSeconds(), b.noOp(), b.status(), b.statusToNoOp()));
        if (status != null) {
            out.append(String.format(Locale.ROOT, "; the run's status p99 %.1f ms = %.1f x the no-op p99",
                    status.p99Ms(), status.p99Ms() / Math.max(1e-3, b.noOp().p99Micros() / 1000.0)));
        }
        out.append(String.format(Locale.ROOT, "%n  PostgreSQL row locks (SELECT ... FOR UPDATE), as many hold requests as the run made "
                        + "(%,d) by %d clients: %,.0f holds/s, p50 %.1f ms, p99 %.1f ms; %,d seats taken, sold out %s; "
                        + "%,d lock rounds came back short; oversold %d%n", locks.requests(), locks.clients(),
                locks.perSecond(), locks.p50Ms(), locks.p99Ms(), locks.seatsTaken(),
                locks.sellOutSeconds() < 0 ? "never" : String.format(Locale.ROOT, "after %.2f s", locks.sellOutSeconds()),
                locks.retries(), locks.oversold()));
        if (hold != null) {
            out.append(String.format(Locale.ROOT, "    the run's hold p50 %.1f ms, p99 %.1f ms = %.1f x and %.1f x the row locks'%n",
                    hold.p50Ms(), hold.p99Ms(), hold.p50Ms() / Math.max(1e-3, locks.p50Ms()),
                    hold.p99Ms() / Math.max(1e-3, locks.p99Ms())));
        }
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Load: %,d buyers for %,d tickets; %.0f%% waiting before the opening, the rest over %.0f s; "
                        + "admitting %d/s; waiting buyers %s%n", plan.buyers(), plan.tickets(), plan.preQueueShare() * 100,
                plan.arrivalSeconds(), plan.admissionRate(), plan.sse() ? "follow Server-Sent Events" : "poll their status"))
                .append(String.format(Locale.ROOT, "tickets sold %,d; sold out %s; every buyer final after %.1f s; oversold %d; "
                                + "buyers without a final state %d%n", ticketsSold,
                        sellOutSeconds < 0 ? "never" : String.format(Locale.ROOT, "%.1f s after the opening", sellOutSeconds),
                        allFinalSeconds, oversold, buyersWithoutFinalState))
                .append(String.format(Locale.ROOT, "%,.0f requests/s overall%n%n", requestsPerSecond))
                .append("endpoint          answered      req/s     p50 ms     p95 ms     p99 ms  errors\n");
        endpoints.forEach((name, f) -> out.append(String.format(Locale.ROOT, "%-14s %11d %10.0f %10.1f %10.1f %10.1f  %s%n",
                name, f.answered(), f.perSecond(), f.p50Ms(), f.p95Ms(), f.p99Ms(), f.errors().isEmpty() ? "-" : f.errors())));
        out.append(String.format(Locale.ROOT, "%nCPU over the load's %.0f s (%d cores: %.0f CPU seconds available)%n",
                loadSeconds, Runtime.getRuntime().availableProcessors(),
                loadSeconds * Runtime.getRuntime().availableProcessors()));
        cpuSeconds.forEach((process, s) -> out.append(String.format(Locale.ROOT, "  %-44s %8.1f s  %5.2f cores%n",
                process, s, s / loadSeconds)));
        out.append("\nbuyers by final state\n");
        buyersByFinalState.forEach((state, n) -> out.append(String.format(Locale.ROOT, "  %-28s %,9d%n", state, n)));
        out.append("\nfairness (floodgate fairness on the sale's log): ").append(fairness).append('\n');
        if (!faults.isEmpty() || !faultsComplete) {
            out.append("\nfaults injected (seconds from the opening)").append(faultsComplete ? "" : ": NOT ALL").append('\n');
            faults.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        out.append(String.format(Locale.ROOT, "%nchecks: acknowledged arrivals %,d, lost %d%s; oversold in the log %d; "
                        + "double charges %d; ledger, log and provider %s%n", checks.arrivalsAcknowledged(),
                checks.arrivalsLost(), checks.lostExamples().isEmpty() ? "" : " " + checks.lostExamples(),
                checks.oversoldInLog(), checks.doubleCharges(),
                checks.differences().isEmpty() ? "agree" : "differ " + checks.differences()))
                .append(passed() ? "PASSED\n" : "FAILED\n");
        baselines(out);
        return out.toString();
    }
}
