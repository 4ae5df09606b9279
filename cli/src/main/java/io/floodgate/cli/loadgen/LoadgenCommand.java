package io.floodgate.cli.loadgen;

import io.floodgate.audit.fairness.FairnessAudit;
import io.floodgate.audit.fairness.FairnessReport;
import io.floodgate.audit.log.KafkaSaleLog;
import io.floodgate.audit.log.Progress;
import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.cli.Command;
import io.floodgate.cli.Options;
import io.floodgate.cli.Reports;
import io.floodgate.cli.UsageException;
import io.floodgate.kit.stack.LocalStack;
import io.floodgate.kit.stack.SiteKey;
import io.floodgate.kit.stack.StackSettings;
import org.apache.kafka.clients.CommonClientConfigs;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code floodgate loadgen}: an on-sale over HTTP against a fresh local stack. Buyers arrive (a
 * share before the opening, the rest in a spike), follow their status, hold, pay; the run ends when
 * every buyer is in a final state, and reports what it reached (docs/benchmarks.md). With
 * {@code --cluster} the stack is three Kafka nodes and two instances of each service; with
 * {@code --faults} one instance of each is killed and a broker stopped during the load.
 */
public final class LoadgenCommand implements Command {
    static final String SALE = "onsale";
    /** How long a buyer's site token outlasts the run's timeout: the pre-queue wait before it, and some. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(10);
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("--buyers", "2000"), Map.entry("--tickets", "500"), Map.entry("--arrival-seconds", "10"),
            Map.entry("--pre-queue-share", "0.2"), Map.entry("--pre-queue-seconds", "15"),
            Map.entry("--admission-rate", "500"), Map.entry("--duplicate-tabs", "0.05"), Map.entry("--abandon", "0.05"),
            Map.entry("--checkout", "0.95"), Map.entry("--max-in-flight", "256"), Map.entry("--payment-rate", "2000"),
            Map.entry("--timeout-seconds", "600"), Map.entry("--window-seconds", "60"), Map.entry("--hold-seconds", "60"),
            Map.entry("--fault-at", "15"));

    @Override
    public String usage() {
        return "./floodgate loadgen " + String.join(" ", new TreeMap<>(OPTIONS).entrySet().stream()
                .map(e -> "[" + e.getKey() + " " + e.getValue() + "]").toList()) + " [--sse] [--cluster [--faults]] [--json]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Options o = Options.parse(args, OPTIONS, Set.of("--json", "--cluster", "--faults", "--sse"));
        if (o.has("--faults") && !o.has("--cluster")) {
            throw new UsageException("--faults needs --cluster: with one instance of each there is nothing to fail over to");
        }
        LoadPlan plan;
        int paymentRate;
        long timeoutSeconds;
        int windowSeconds;
        int holdSeconds;
        double faultAt;
        try {
            plan = new LoadPlan(Integer.parseInt(o.get("--buyers")), Integer.parseInt(o.get("--tickets")),
                    Double.parseDouble(o.get("--arrival-seconds")), Double.parseDouble(o.get("--pre-queue-share")),
                    Double.parseDouble(o.get("--pre-queue-seconds")), Integer.parseInt(o.get("--admission-rate")),
                    Double.parseDouble(o.get("--duplicate-tabs")), Double.parseDouble(o.get("--abandon")),
                    Double.parseDouble(o.get("--checkout")), Integer.parseInt(o.get("--max-in-flight")), o.has("--sse"));
            paymentRate = Integer.parseInt(o.get("--payment-rate"));
            timeoutSeconds = Long.parseLong(o.get("--timeout-seconds"));
            windowSeconds = Integer.parseInt(o.get("--window-seconds"));
            holdSeconds = Integer.parseInt(o.get("--hold-seconds"));
            faultAt = o.has("--faults") ? Double.parseDouble(o.get("--fault-at")) : -1;
        } catch (NumberFormatException e) {
            throw new UsageException("every option but the switches takes a number (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        err.printf(Locale.ROOT, "machine: %d cores, Java %s; starting Kafka, PostgreSQL and the services ...%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        // A load test measures the system, not the per-address limits meant for the public: they are lifted.
        // Buyers prove who they are as behind a ticketing platform: site tokens, signed with the run's own key.
        StackSettings settings = StackSettings.ephemeral(Files.createTempDirectory("floodgate-loadgen"))
                .withJvmOptions(StackSettings.SERVICE_JVM).withSiteIdentity(SiteKey.random()).withEnvironment(Map.of(
                        "FLOODGATE_GATEWAY_LIMITS_JOIN_PER_ADDRESS", "10000000",
                        "FLOODGATE_GATEWAY_LIMITS_STATUS_PER_ADDRESS", "10000000",
                        "FLOODGATE_GATEWAY_LIMITS_STATUS_PER_BUYER", "10000000",
                        "FLOODGATE_GATEWAY_LIMITS_MAX_IN_FLIGHT", "100000",
                        "FLOODGATE_PAYMENT_RATE_PER_MINUTE", Integer.toString(paymentRate * 60),
                        "FLOODGATE_PAYMENT_MAX_IN_FLIGHT", Integer.toString(Math.max(64, paymentRate / 5)),
                        "FLOODGATE_SIMULATOR_LATENCY", "20ms",
                        "FLOODGATE_SIMULATOR_LATENCY_JITTER", "10ms"));
        if (o.has("--cluster")) {
            // Six partitions, as in production: each of the two instances owns some of every topic.
            settings = settings.withCluster(3, 2).withEnvironment(Map.of("FLOODGATE_TOPICS_PARTITIONS", "6"));
        }
        try (LocalStack stack = LocalStack.start(settings)) {
            err.printf(Locale.ROOT, "%d Kafka node(s) at %s; gateways %s%n", settings.brokers(), stack.bootstrapServers(),
                    stack.gatewayUrls());
            LoadReport report = new Run(stack, plan, err).go(timeoutSeconds, windowSeconds, holdSeconds, faultAt);
            out.print(o.has("--json") ? Reports.json(report) : report.text());
            return report.passed() ? 0 : 1;
        }
    }

    /** One run against one stack. */
    private static final class Run {
        private final LocalStack stack;
        private final LoadPlan plan;
        private final PrintStream err;
        private final Http http;
        /** The run's own look at the stock: not part of the load, never queued behind it. */
        private final Http monitor;
        private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        private final ConcurrentLinkedQueue<SimulatedBuyer> done = new ConcurrentLinkedQueue<>();
        private final AtomicLong arrived = new AtomicLong();

        Run(LocalStack stack, LoadPlan plan, PrintStream err) {
            this.stack = stack;
            this.plan = plan;
            this.err = err;
            List<URI> gateways = stack.gatewayUrls().stream().map(URI::create).toList();
            this.http = new Http(gateways, plan.maxInFlight());
            this.monitor = new Http(gateways, 2);
        }

        LoadReport go(long timeoutSeconds, int windowSeconds, int holdSeconds, double faultAt) throws Exception {
            List<String> tokens = siteTokens(Duration.ofSeconds(timeoutSeconds).plus(TOKEN_MARGIN));
            CpuUse cpu = CpuUse.start(stack.settings().home().toString());
            long loadStart = System.nanoTime();
            long openingNanos = System.nanoTime() + (long) (plan.preQueueSeconds() * 1e9);
            createSale(Instant.now().plusMillis((long) (plan.preQueueSeconds() * 1000)), windowSeconds, holdSeconds);
            List<SimulatedBuyer> buyers = new ArrayList<>();
            int early = (int) Math.round(plan.buyers() * plan.preQueueShare());
            long now = System.nanoTime();
            for (int i = 0; i < plan.buyers(); i++) {
                SimulatedBuyer b = new SimulatedBuyer(SALE, buyerId(i), tokens.get(i), http, timer, i, plan, done::add);
                buyers.add(b);
                // The pre-queue gathers over the wait before the opening; the rest come in the spike after it.
                long at = i < early ? now + (long) ((openingNanos - now) * 0.8 * i / Math.max(1, early))
                        : openingNanos + (long) (plan.arrivalSeconds() * 1e9 * (i - early) / Math.max(1, plan.buyers() - early));
                timer.schedule(() -> {
                    arrived.incrementAndGet();
                    b.arrive();
                }, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            double sellOut = -1;
            long deadline = openingNanos + timeoutSeconds * 1_000_000_000L;
            long lastPrint = 0;
            Faults faults = new Faults(stack, SALE, openingNanos, err);
            Thread faulting = null;
            while (done.size() < buyers.size() && System.nanoTime() < deadline) {
                Thread.sleep(250);
                if (faultAt >= 0 && faulting == null && System.nanoTime() > openingNanos + (long) (faultAt * 1e9)) {
                    faulting = new Thread(faults::inject, "faults");
                    faulting.start();
                }
                if (sellOut < 0 && System.nanoTime() > openingNanos && remainingSeats() == 0) {
                    sellOut = (System.nanoTime() - openingNanos) / 1e9;
                }
                if (System.nanoTime() - lastPrint > 1_000_000_000L) {
                    lastPrint = System.nanoTime();
                    err.printf(Locale.ROOT, "  %+6.1f s  arrived %,d  final %,d  requests %,d%n",
                            (System.nanoTime() - openingNanos) / 1e9, arrived.get(), done.size(), answered());
                }
            }
            long loadEnd = System.nanoTime();
            double allFinal = (loadEnd - openingNanos) / 1e9;
            if (sellOut < 0 && remainingSeats() == 0) {
                sellOut = allFinal;
            }
            timer.shutdownNow();
            if (faulting != null) {
                faulting.join();
            }
            Map<String, Double> cpuSeconds = cpu.since(stack);
            double loadSeconds = (loadEnd - loadStart) / 1e9;
            return report(buyers, sellOut, allFinal, faults.done(), faultAt < 0 || faults.complete(), cpuSeconds,
                    loadSeconds);
        }

        /**
         * Each buyer's site token, signed before the load starts so the arrivals keep their pace
         * (HMAC is cheap: the time it takes is printed). A token outlasts the run: rejoins and
         * retries carry it until the end.
         */
        private List<String> siteTokens(Duration ttl) {
            long start = System.nanoTime();
            SiteKey site = stack.settings().siteKey();
            List<String> tokens = new ArrayList<>(plan.buyers());
            for (int i = 0; i < plan.buyers(); i++) {
                tokens.add(site.mint(buyerId(i), ttl));
            }
            err.printf(Locale.ROOT, "signed %,d site tokens (HS256) in %.0f ms%n", plan.buyers(),
                    (System.nanoTime() - start) / 1e6);
            return tokens;
        }

        private static String buyerId(int i) {
            return "buyer-" + i;
        }

        private LoadReport report(List<SimulatedBuyer> buyers, double sellOut, double allFinal, List<String> faults,
                                  boolean faultsComplete, Map<String, Double> cpuSeconds, double loadSeconds)
                throws Exception {
            Map<String, Long> finals = new TreeMap<>();
            Set<String> seats = new HashSet<>();
            long sold = 0;
            long duplicates = 0;
            long withoutFinal = 0;
            for (SimulatedBuyer b : buyers) {
                String outcome = b.outcome();
                if (outcome == null) {
                    withoutFinal++;
                    finals.merge("NONE (last seen " + b.lastState() + ")", 1L, Long::sum);
                    continue;
                }
                finals.merge(outcome, 1L, Long::sum);
                if (outcome.equals("PURCHASED")) {
                    for (String seat : b.seatsBought()) {
                        sold++;
                        duplicates += seats.add(seat) ? 0 : 1;
                    }
                }
            }
            Map<String, EndpointStats.Figures> endpoints = new LinkedHashMap<>();
            new TreeMap<>(http.stats()).forEach((name, s) -> endpoints.put(name, s.figures(loadSeconds)));
            double total = endpoints.values().stream().mapToDouble(f -> f.answered()).sum() / loadSeconds;
            err.println("checking the sale's log, the ledger and the provider's charges ...");
            SaleReplay replay = SaleReplay.of(new KafkaSaleLog(
                    Map.<String, Object>of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), SALE, Progress.silent()));
            LogChecks checks = LogChecks.of(stack, SALE, replay, buyers.stream()
                    .filter(SimulatedBuyer::arrivalAcknowledged).map(SimulatedBuyer::buyerId).toList());
            err.println("measuring the baselines on the same stack ...");
            String ticket = buyers.stream().map(SimulatedBuyer::ticket).filter(t -> t != null).findFirst().orElseThrow();
            EndpointStats holds = http.stats().get("hold");
            Baselines baselines = Baselines.measure(stack.bootstrapServers(), stack.settings().partitions(),
                    URI.create(stack.gatewayUrl()), ticket, stack.jdbcUrl(), capacity(),
                    holds == null ? 0 : (int) holds.answered());
            return new LoadReport(plan, sold, sellOut, allFinal, duplicates + Math.max(0, sold - plan.tickets()),
                    withoutFinal, total, endpoints, finals, fairness(replay), faults, faultsComplete, checks, loadSeconds,
                    cpuSeconds,
                    replay.events() / Math.max(1e-3, (replay.last().toEpochMilli() - replay.first().toEpochMilli()) / 1e3),
                    baselines);
        }

        /** The sale's two general-admission sections, 60/40. */
        private Map<String, Integer> capacity() {
            int floor = (int) Math.round(plan.tickets() * 0.6);
            Map<String, Integer> capacity = new LinkedHashMap<>();
            capacity.put("floor", floor);
            capacity.put("balcony", plan.tickets() - floor);
            return capacity;
        }

        private static String fairness(SaleReplay replay) {
            try {
                FairnessReport f = FairnessAudit.of(replay);
                return String.format(Locale.ROOT, "%s; pairs admitted against arrival after the opening %d; pre-queue "
                                + "places not from the seed %d of %d; wait p50 %.1f s, p99 %.1f s; minutes over the rate %d",
                        f.fair() ? "FAIR" : "NOT FAIR " + f.findings(), f.order().admissionsAgainstArrival(),
                        f.preQueue().placesNotFromSeed(), f.preQueue().admittedChecked(), f.waits().p50Ms() / 1000.0,
                        f.waits().p99Ms() / 1000.0, f.pace().minutesOverRate());
            } catch (Exception e) {
                return "not audited: " + e.getMessage();
            }
        }

        private long answered() {
            return http.stats().values().stream().mapToLong(EndpointStats::answered).sum();
        }

        /** Seats not sold yet (held ones included); -1 when the gateway does not say. */
        private long remainingSeats() throws Exception {
            Http.Reply r = monitor.get("availability", "/api/sales/" + SALE + "/availability", Map.of()).get();
            long unsold = 0;
            for (var s : r.body().path("sections")) {
                unsold += s.path("capacity").asLong() - s.path("sold").asLong();
            }
            return r.status() == 200 && r.body().path("sections").size() > 0 ? unsold : -1;
        }

        private void createSale(Instant opensAt, int windowSeconds, int holdSeconds) throws Exception {
            Map<String, Integer> capacity = capacity();
            String body = String.format(Locale.ROOT, """
                    {"saleId": "%s", "name": "Load run", "opensAt": "%s", "currency": "EUR", "admissionRatePerSecond": %d,
                     "maxActiveShoppers": %d, "perBuyerLimit": 4, "holdDurationSeconds": %d, "admissionWindowSeconds": %d,
                     "sections": [{"id": "floor", "name": "Floor", "capacity": %d, "priceCents": 8900, "generalAdmission": true},
                                  {"id": "balcony", "name": "Balcony", "capacity": %d, "priceCents": 5900, "generalAdmission": true}]}
                    """, SALE, opensAt, plan.admissionRate(), Math.max(1000, plan.admissionRate() * 30), holdSeconds,
                    windowSeconds, capacity.get("floor"), capacity.get("balcony"));
            Http.Reply r = http.post("operator", "/api/operator/sales", body, Map.of("Authorization", "Bearer "
                    + stack.settings().operatorToken())).get();
            if (r.status() != 201) {
                throw new IllegalStateException("the sale was not created: HTTP " + r.status() + " " + r.body());
            }
        }
    }
}
