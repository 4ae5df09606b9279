package io.floodgate.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.json.EventJson;
import io.floodgate.kit.process.FloodgateService;
import io.floodgate.kit.stack.LocalStack;
import io.floodgate.kit.stack.SiteKey;
import io.floodgate.kit.stack.StackSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code floodgate bench waiting-room [buyers]}: a million buyers waiting in one sale. Prints the
 * heap the gateway and queue-service hold before and after, how fast queue-service placed them,
 * and status reads per second beside the same server's no-op endpoint, measured in one run.
 */
public final class WaitingRoomBench {
    private static final String SALE = "bench";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ROUND = Duration.ofSeconds(10);
    private static final int CLIENTS = 32;

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalStack stack;
    private final URI gateway;

    private WaitingRoomBench(LocalStack stack) {
        this.stack = stack;
        this.gateway = URI.create(stack.gatewayUrl());
    }

    public static void main(String[] args) throws Exception {
        int buyers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path home = Files.createTempDirectory("floodgate-bench");
        // Limits are for the public; a benchmark measures the server, so they are lifted.
        // Site mode, as the load generator: the probe buyer joins with a token signed by the run's own key.
        StackSettings settings = StackSettings.ephemeral(home).withJvmOptions(StackSettings.SERVICE_JVM)
                .withSiteIdentity(SiteKey.random()).withEnvironment(Map.of(
                "FLOODGATE_GATEWAY_LIMITS_STATUS_PER_ADDRESS", "10000000",
                "FLOODGATE_GATEWAY_LIMITS_STATUS_PER_BUYER", "10000000",
                "FLOODGATE_GATEWAY_LIMITS_MAX_IN_FLIGHT", "100000"));
        System.out.printf("machine: %d cores, Java %s; starting Kafka, PostgreSQL and the services ...%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        LocalStack stack = LocalStack.start(settings);
        // Ctrl-C must not leave the services running without their broker.
        Thread stop = new Thread(stack::close, "floodgate-bench-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        new WaitingRoomBench(stack).run(buyers);
        Runtime.getRuntime().removeShutdownHook(stop);
        stack.close();
    }

    private void run(int buyers) throws Exception {
        post("/api/operator/sales", """
                {"saleId": "bench", "name": "Benchmark", "currency": "EUR", "admissionRatePerSecond": 1,
                 "maxActiveShoppers": 10, "perBuyerLimit": 4,
                 "sections": [{"id": "floor", "name": "Floor", "rows": 10, "seatsPerRow": 10, "priceCents": 1000}]}""",
                Map.of("Authorization", "Bearer " + stack.settings().operatorToken()));
        double gatewayBefore = heap(FloodgateService.GATEWAY);
        double queueBefore = heap(FloodgateService.QUEUE);

        Instant start = Instant.now();
        publishArrivals(buyers);
        Duration published = Duration.between(start, Instant.now());
        awaitPlaced(buyers);
        Duration placed = Duration.between(start, Instant.now());
        double gatewayAfter = heap(FloodgateService.GATEWAY);
        double queueAfter = heap(FloodgateService.QUEUE);

        JsonNode probe = post("/api/sales/bench/queue", "{}", Map.of("Authorization",
                "Bearer " + stack.settings().siteKey().mint("probe", Duration.ofHours(1))));
        String ticket = probe.path("ticket").asText();
        System.out.printf("probe buyer: %s, position %d, %d ahead, estimate %d s%n", probe.path("state").asText(),
                probe.path("position").asLong(), probe.path("ahead").asLong(), probe.path("waitEstimateSeconds").asLong());

        HttpLoad load = new HttpLoad();
        URI ping = gateway.resolve("/api/ping");
        URI status = gateway.resolve("/api/sales/bench/status");
        Map<String, String> withTicket = Map.of("Floodgate-Ticket", ticket);
        load.run("warm-up", ping, Map.of(), CLIENTS, Duration.ofSeconds(5));
        load.run("warm-up", status, withTicket, CLIENTS, Duration.ofSeconds(5));
        List<HttpLoad.Result> rounds = new ArrayList<>();
        rounds.add(load.run("no-op GET /api/ping", ping, Map.of(), CLIENTS, ROUND));
        rounds.add(load.run("status GET .../status", status, withTicket, CLIENTS, ROUND));
        rounds.add(load.run("no-op GET /api/ping", ping, Map.of(), CLIENTS, ROUND));
        Thread operator = new Thread(this::operatorUnderLoad);
        operator.start();
        rounds.add(load.run("status GET .../status", status, withTicket, CLIENTS, ROUND));
        operator.join();

        double noop = (rounds.get(0).perSecond() + rounds.get(2).perSecond()) / 2;
        double stat = (rounds.get(1).perSecond() + rounds.get(3).perSecond()) / 2;
        System.out.printf("%n=== %,d buyers waiting in one sale ===%n", buyers);
        System.out.printf("arrivals published in %.1f s; all placed in line %.1f s after the first (%,.0f places/s)%n",
                secs(published), secs(placed), buyers / secs(placed));
        System.out.printf("live heap after full GC   before     after   per 1,000 buyers%n");
        System.out.printf("  gateway               %7.1f MiB %7.1f MiB %8.3f MiB%n", gatewayBefore, gatewayAfter,
                (gatewayAfter - gatewayBefore) * 1000 / buyers);
        System.out.printf("  queue-service         %7.1f MiB %7.1f MiB %8.3f MiB%n", queueBefore, queueAfter,
                (queueAfter - queueBefore) * 1000 / buyers);
        System.out.printf("HTTP, %d closed-loop clients on the same machine, %d s per round:%n", CLIENTS,
                ROUND.toSeconds());
        rounds.forEach(r -> System.out.println("  " + r));
        System.out.printf("status / no-op throughput ratio: %.2f%n", stat / noop);
    }

    /** Posts an operator message during the status load and times until a buyer's status shows it. */
    private void operatorUnderLoad() {
        try {
            Thread.sleep(3000);
            String text = "bench message " + System.nanoTime();
            Instant asked = Instant.now();
            post("/api/operator/sales/bench/message", "{\"message\":\"" + text + "\"}",
                    Map.of("Authorization", "Bearer " + stack.settings().operatorToken()));
            while (!text.equals(get("/api/sales/bench").path("message").asText())) {
                Thread.sleep(10);
            }
            System.out.printf("operator message visible to buyers %d ms after it was posted, under status load%n",
                    Duration.between(asked, Instant.now()).toMillis());
        } catch (Exception e) {
            System.out.println("operator probe failed: " + e);
        }
    }

    private void publishArrivals(int buyers) throws IOException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < buyers; i++) {
                BuyerArrived arrived = new BuyerArrived(EventMeta.of(SALE, EventMeta.newId(), "bench", Instant.now()),
                        "buyer-" + i);
                producer.send(new ProducerRecord<>(Topics.ARRIVALS.name(), SALE,
                        EventJson.mapper().writeValueAsBytes(arrived)));
                if ((i + 1) % 200_000 == 0) {
                    System.out.printf("  published %,d arrivals%n", i + 1);
                }
            }
            producer.flush();
        }
    }

    private void awaitPlaced(int buyers) throws Exception {
        long last = -1;
        while (true) {
            long inLine = get("/api/sales/bench").path("inLine").asLong();
            if (inLine >= buyers) {
                return;
            }
            if (inLine / 100_000 != last / 100_000) {
                System.out.printf("  %,d placed in line%n", inLine);
            }
            last = inLine;
            Thread.sleep(500);
        }
    }

    private double heap(FloodgateService service) throws IOException, InterruptedException {
        return HeapProbe.liveMiB(stack.service(service).pid());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(gateway.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode post(String path, String body, Map<String, String> headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static double secs(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
