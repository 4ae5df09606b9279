package io.floodgate.cli.loadgen;

import java.util.Locale;
import java.util.Map;

/**
 * What a load run reached.
 *
 * @param sellOutSeconds seconds from the opening until no seat was left, or -1 if it never sold out
 * @param oversold       seats bought twice, plus seats bought beyond the sale's capacity (must be 0)
 * @param buyersWithoutFinalState buyers still without an explicit final state when the run ended (must be 0)
 */
public record LoadReport(LoadPlan plan, long ticketsSold, double sellOutSeconds, double allFinalSeconds, long oversold,
                         long buyersWithoutFinalState, double requestsPerSecond,
                         Map<String, EndpointStats.Figures> endpoints, Map<String, Long> buyersByFinalState,
                         String fairness) {

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Load: %,d buyers for %,d tickets; %.0f%% waiting before the opening, the rest over %.0f s; "
                        + "admitting %d/s%n", plan.buyers(), plan.tickets(), plan.preQueueShare() * 100, plan.arrivalSeconds(),
                plan.admissionRate()))
                .append(String.format(Locale.ROOT, "tickets sold %,d; sold out %s; every buyer final after %.1f s; oversold %d; "
                                + "buyers without a final state %d%n", ticketsSold,
                        sellOutSeconds < 0 ? "never" : String.format(Locale.ROOT, "%.1f s after the opening", sellOutSeconds),
                        allFinalSeconds, oversold, buyersWithoutFinalState))
                .append(String.format(Locale.ROOT, "%,.0f requests/s overall%n%n", requestsPerSecond))
                .append("endpoint          answered      req/s     p50 ms     p95 ms     p99 ms  errors\n");
        endpoints.forEach((name, f) -> out.append(String.format(Locale.ROOT, "%-14s %11d %10.0f %10.1f %10.1f %10.1f  %s%n",
                name, f.answered(), f.perSecond(), f.p50Ms(), f.p95Ms(), f.p99Ms(), f.errors().isEmpty() ? "-" : f.errors())));
        out.append("\nbuyers by final state\n");
        buyersByFinalState.forEach((state, n) -> out.append(String.format(Locale.ROOT, "  %-28s %,9d%n", state, n)));
        out.append("\nfairness (floodgate fairness on the sale's log): ").append(fairness).append('\n');
        return out.toString();
    }
}
