package io.floodgate.gateway.edge;

import io.floodgate.contracts.Topics;
import io.floodgate.gateway.tokens.AdmissionPass;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.ViewFeed;
import io.floodgate.kit.kafka.EmbeddedKafka;
import io.floodgate.kit.postgres.EmbeddedPostgresServer;
import io.floodgate.kit.process.Ports;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's HTTP server in this JVM on a real single-node broker and a real (empty) PostgreSQL,
 * with no other service: what the gateway answers by itself (validation, limits, publishing, its
 * view) can be tested end to end. The ledger has no tables, so order reads answer 503 UNAVAILABLE.
 */
final class GatewayHarness implements AutoCloseable {
    static final String OPERATOR_TOKEN = "operator-token-for-tests";

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgresServer postgres;
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean kafkaStopped;

    private GatewayHarness(EmbeddedKafka kafka, EmbeddedPostgresServer postgres, ApplicationContext context) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.context = context;
        this.server = context.getBean(EmbeddedServer.class);
    }

    static GatewayHarness start(Map<String, Object> settings) {
        try {
            Path dir = Files.createTempDirectory("gateway-harness");
            EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), Ports.free(), Ports.free());
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), Ports.free());
            Map<String, Object> config = new HashMap<>(Map.of(
                    "micronaut.server.port", -1,
                    "floodgate.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "floodgate.topics.partitions", 1,
                    "floodgate.operator.token", OPERATOR_TOKEN,
                    "floodgate.tokens.secret", "a-secret-for-tests-only-0123456789",
                    "floodgate.gateway.answer-wait", "2s",
                    "datasources.default.url", postgres.jdbcUrl(),
                    "datasources.default.username", postgres.user(),
                    "datasources.default.password", postgres.password()));
            config.putAll(settings);
            ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, config).getApplicationContext();
            GatewayHarness harness = new GatewayHarness(kafka, postgres, context);
            harness.awaitViewCaughtUp();
            return harness;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"), headers);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    /**
     * Creates a sale with one general-admission section {@code floor}; answers the creation's status,
     * 201 also when the view took longer than the answer wait (202) but has the sale now.
     */
    int createSale(String saleId) {
        int status = post("/api/operator/sales", saleJson(saleId, "A sale"), "Authorization", "Bearer " + OPERATOR_TOKEN)
                .statusCode();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (status == 202 && bean(GatewayView.class).sale(saleId).isEmpty() && System.nanoTime() < deadline) {
            sleepBriefly();
        }
        return status == 202 && bean(GatewayView.class).sale(saleId).isPresent() ? 201 : status;
    }

    static String saleJson(String saleId, String name) {
        return """
                {"saleId":"%s","name":"%s","currency":"EUR","admissionRatePerSecond":10,"maxActiveShoppers":10,
                 "perBuyerLimit":4,"opensAt":"2026-01-01T00:00:00Z",
                 "sections":[{"id":"floor","name":"Floor","priceCents":1000,"capacity":100}]}"""
                .formatted(saleId, name);
    }

    /** A visitor ticket such as joining would have given: the gateway checks it without any lookup. */
    String ticket(String saleId, String buyerId, long sequence) {
        return bean(Tokens.class).issue(new VisitorTicket(saleId, buyerId, sequence, null, "corr-" + buyerId));
    }

    /** An admission token, valid for ten minutes. */
    String admission(String saleId, String buyerId) {
        Tokens tokens = bean(Tokens.class);
        return tokens.issue(new AdmissionPass(saleId, buyerId, 1, "corr-" + buyerId,
                tokens.now().plus(Duration.ofMinutes(10)), Duration.ZERO));
    }

    /** The end offset of every partition of every catalogue topic: compare two to see that nothing was written. */
    Map<TopicPartition, Long> topicEnds() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = Topics.ALL.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10));
        }
    }

    void stopKafka() {
        kafka.close();
        kafkaStopped = true;
    }

    private void awaitViewCaughtUp() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!bean(ViewFeed.class).caughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway's view did not catch up");
            }
            sleepBriefly();
        }
    }

    static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        context.close(); // before the broker, or shutting down stalls
        if (!kafkaStopped) {
            kafka.close();
        }
        postgres.close();
    }
}
