package io.floodgate.cli.loadgen;

/**
 * An on-sale to simulate.
 *
 * @param buyers            buyers who come
 * @param tickets           seats on sale (two sections, 60/40)
 * @param arrivalSeconds    the spike: buyers after the opening arrive spread over this many seconds
 * @param preQueueShare     share of buyers already waiting before the opening (drawn into the line at random)
 * @param preQueueSeconds   how long before the opening the sale is created and the pre-queue gathers
 * @param admissionRate     admissions per second
 * @param duplicateTabShare buyers who also watch from a second tab (a repeated join and a second poller)
 * @param abandonShare      buyers who give up waiting at a random moment
 * @param checkoutShare     admitted buyers who go on to pay once they hold seats
 * @param maxInFlight       requests the generator has open at once (status streams not counted)
 * @param sse               waiting buyers follow their status as Server-Sent Events instead of polling
 */
public record LoadPlan(int buyers, int tickets, double arrivalSeconds, double preQueueShare, double preQueueSeconds,
                       int admissionRate, double duplicateTabShare, double abandonShare, double checkoutShare,
                       int maxInFlight, boolean sse) {
    public LoadPlan {
        if (buyers < 1 || tickets < 1 || arrivalSeconds < 0 || admissionRate < 1 || maxInFlight < 1
                || !share(preQueueShare) || !share(duplicateTabShare) || !share(abandonShare) || !share(checkoutShare)) {
            throw new IllegalArgumentException("buyers, tickets, rate and in-flight must be positive, shares within 0..1");
        }
    }

    private static boolean share(double x) {
        return x >= 0 && x <= 1;
    }
}
