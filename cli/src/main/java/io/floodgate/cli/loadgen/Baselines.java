package io.floodgate.cli.loadgen;

import io.floodgate.cli.bench.HttpLoad;
import io.floodgate.cli.bench.RowLockBaseline;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Baselines measured on the run's own stack right after its load, so that each figure of the run
 * can be read as a ratio to what the same machine does without Floodgate's work in the way:
 *
 * @param producerPerSecond     the Kafka producer ceiling: {@code BuyerArrived} records of one sale
 *                              (so one partition) per second that one producer with the gateway's
 *                              settings (acks=all, idempotent) gets acknowledged, on a scratch topic
 *                              of the same cluster
 * @param noOp                  a closed loop on the gateway's no-op endpoint ({@code GET /api/ping})
 * @param status                the same loop on a buyer's status, the waiting room's hot path
 * @param rowLocks              as many hold requests as the run made, drawn as its buyers draw them
 *                              (quantities, preferences), as row locks in PostgreSQL
 */
public record Baselines(long producerRecords, double producerPerSecond, HttpLoad.Result noOp, HttpLoad.Result status,
                        RowLockBaseline.Result rowLocks) {
    static final int PRODUCER_RECORDS = 100_000;
    static final int HTTP_CLIENTS = 64;
    static final Duration HTTP_ROUND = Duration.ofSeconds(5);
    /** A connection pool larger than most applications': PostgreSQL's default allows 100 connections. */
    static final int ROW_LOCK_CLIENTS = 64;
    private static final String SCRATCH_TOPIC = "loadgen.baseline.arrivals";
    private static final String SCRATCH_SALE = "baseline";

    /** Status throughput as a share of the no-op endpoint's, measured back to back. */
    public double statusToNoOp() {
        return status.perSecond() / noOp.perSecond();
    }

    static Baselines measure(String bootstrapServers, int partitions, URI gateway, String ticket, String jdbcUrl,
                             Map<String, Integer> capacity, int holdRequests) throws Exception {
        double producer = producerCeiling(bootstrapServers, partitions);
        HttpLoad load = new HttpLoad();
        HttpLoad.Result noOp = load.run("no-op GET /api/ping", gateway.resolve("/api/ping"), Map.of(), HTTP_CLIENTS,
                HTTP_ROUND);
        HttpLoad.Result status = load.run("status GET .../status", gateway.resolve("/api/sales/" + LoadgenCommand.SALE
                + "/status"), Map.of("Floodgate-Ticket", ticket), HTTP_CLIENTS, HTTP_ROUND);
        RowLockBaseline.Result rowLocks = RowLockBaseline.run(jdbcUrl, capacity, Math.max(1, holdRequests),
                i -> buyerLike(List.copyOf(capacity.keySet()), i), ROW_LOCK_CLIENTS);
        return new Baselines(PRODUCER_RECORDS, producer, noOp, status, rowLocks);
    }

    /** A hold as the simulated buyers ask for one: their quantity, their preferred section, then the other. */
    private static RowLockBaseline.Request buyerLike(List<String> sections, int i) {
        SplittableRandom r = new SplittableRandom(i);
        int quantity = SimulatedBuyer.seatsWanted(r);
        List<String> order = new ArrayList<>(sections);
        if (!SimulatedBuyer.prefersFirstSection(r)) {
            Collections.reverse(order);
        }
        return new RowLockBaseline.Request(order, quantity);
    }

    private static double producerCeiling(String bootstrapServers, int partitions) throws Exception {
        KafkaClients clients = new KafkaClients(new KafkaSettings(bootstrapServers, Map.of()));
        try (Admin admin = clients.admin()) {
            admin.createTopics(List.of(new NewTopic(SCRATCH_TOPIC, Optional.of(partitions), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, Event> producer = clients.producer("loadgen-baseline")) {
            AtomicLong failed = new AtomicLong();
            long start = System.nanoTime();
            for (int i = 0; i < PRODUCER_RECORDS; i++) {
                // One sale's arrivals share its key, so one partition: the ceiling that bounds one on-sale.
                producer.send(new ProducerRecord<>(SCRATCH_TOPIC, SCRATCH_SALE, new BuyerArrived(
                        EventMeta.of(SCRATCH_SALE, EventMeta.newId(), "loadgen-baseline", Instant.now()), "buyer-" + i)),
                        (metadata, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                            }
                        });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " of the producer baseline's records were not acknowledged");
            }
            return PRODUCER_RECORDS / seconds;
        }
    }
}
