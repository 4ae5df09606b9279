package io.floodgate.cli.bench;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Keys;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.hold.HoldCommand;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.inventory.InventorySettings;
import io.floodgate.inventory.InventoryTopology;
import io.floodgate.kit.kafka.EmbeddedKafka;
import io.floodgate.kit.postgres.EmbeddedPostgresServer;
import io.floodgate.kit.process.Ports;
import io.floodgate.platform.kafka.JsonSerde;
import io.floodgate.platform.kafka.TopicSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code floodgate bench holds [requests]}: hold requests per second through inventory-service's
 * topology under exactly_once_v2, beside a pass-through Streams app (read, deserialise, write)
 * under the same guarantee, on the same broker, and beside the same requests as row locks in
 * PostgreSQL ({@link RowLockBaseline}), in the same run.
 */
public final class HoldBench {
    private static final int PARTITIONS = 4;
    private static final int SECTIONS = 8;
    private static final String PASS_THROUGH_OUT = "bench.pass-through";
    private static final int ROW_LOCK_CLIENTS = 64;

    private HoldBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path home = Files.createTempDirectory("floodgate-hold-bench");
        System.out.printf("machine: %d cores, Java %s; %,d hold requests of one seat over %d sections, "
                + "%d partitions%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                requests, SECTIONS, PARTITIONS);
        int seatsPerSection = (requests + SECTIONS - 1) / SECTIONS;
        double holds = 0;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(home.resolve("kafka"), Ports.free(), Ports.free())) {
            createTopics(kafka.bootstrapServers());
            publish(kafka.bootstrapServers(), requests, seatsPerSection);

            for (int round = 1; round <= 2; round++) {
                double passThrough = run(kafka.bootstrapServers(), home, "bench-pass-through-" + round,
                        passThrough(), PASS_THROUGH_OUT, requests);
                Topology inventory = new InventoryTopology(new InventorySettings(1000, 500, Duration.ofDays(7)),
                        new TopicSettings(PARTITIONS, (short) 1, true)).topology();
                holds = run(kafka.bootstrapServers(), home, "bench-inventory-" + round, inventory,
                        Topics.HOLDS.name(), requests);
                System.out.printf("round %d: pass-through %,9.0f records/s   inventory %,9.0f hold requests/s   "
                        + "ratio %.2f%n", round, passThrough, holds, holds / passThrough);
            }
        }
        // The same requests (one seat each, section i % 8) as row locks, with the broker stopped.
        Map<String, Integer> capacity = new LinkedHashMap<>();
        for (int s = 0; s < SECTIONS; s++) {
            capacity.put("s" + s, seatsPerSection);
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(home.resolve("postgres"), Ports.free())) {
            RowLockBaseline.Result locks = RowLockBaseline.run(postgres.jdbcUrl(), capacity, requests,
                    i -> new RowLockBaseline.Request(List.of("s" + (i % SECTIONS)), 1), ROW_LOCK_CLIENTS);
            System.out.printf("PostgreSQL row locks (SELECT ... FOR UPDATE), %d clients: %,9.0f holds/s, p50 %.1f ms, "
                            + "p99 %.1f ms, %,d seats taken, oversold %d   inventory (round 2) / row locks %.2f%n",
                    locks.clients(), locks.perSecond(), locks.p50Ms(), locks.p99Ms(), locks.seatsTaken(),
                    locks.oversold(), holds / locks.perSecond());
        }
    }

    /** The simplest exactly-once app over the same input: read, deserialise, write. */
    private static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.HOLD_COMMANDS.name(), Consumed.with(Serdes.String(), JsonSerde.of(HoldCommand.class)))
                .to(PASS_THROUGH_OUT, Produced.with(Serdes.String(), JsonSerde.of(HoldCommand.class)));
        return builder.build();
    }

    /**
     * Runs {@code topology} (a fresh application id: it reads the whole input) until it has written
     * one record per request to {@code output}; returns requests processed per second.
     */
    private static double run(String bootstrap, Path home, String appId, Topology topology, String output,
                              long requests) throws InterruptedException {
        long before = endOffsets(bootstrap, output);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, home.resolve("state").toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        long target = before + requests;
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.start();
            Instant start = null;
            long seen = before;
            while (seen < target) {
                Thread.sleep(50);
                seen = endOffsets(bootstrap, output);
                if (start == null && seen > before) {
                    start = Instant.now(); // measure processing, not start-up and restoration
                }
            }
            double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
            return (seen - before) / seconds;
        }
    }

    private static long endOffsets(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic<?> t : Topics.ALL) {
                topics.add(new NewTopic(t.name(), PARTITIONS, (short) 1).configs(t.configs()));
            }
            topics.add(new NewTopic(PASS_THROUGH_OUT, PARTITIONS, (short) 1));
            admin.createTopics(topics).all().get();
            Thread.sleep(2000); // let every partition get its leader before producing (KAFKA-15591)
        }
    }

    private static void publish(String bootstrap, int requests, int seatsPerSection) throws Exception {
        List<SectionConfig> sections = new ArrayList<>();
        for (int s = 0; s < SECTIONS; s++) {
            // General admission: one row of places, as long as the requests need (an assigned row has at most 1,000).
            sections.add(SectionConfig.generalAdmission("s" + s, "Section " + s, seatsPerSection, 1000 + s * 100));
        }
        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), JsonSerde.of(Event.class))) {
            producer.send(new ProducerRecord<>(Topics.SALES.name(), "bench", new SaleCreated(
                    EventMeta.of("bench", "sale:bench", "bench", Instant.now()), "bench", new SaleConfig("Bench",
                    Instant.now(), "EUR", 100, 1_000_000, Duration.ofMinutes(10), Duration.ofMinutes(30), 4,
                    sections)))).get();
            for (int i = 0; i < requests; i++) {
                String section = "s" + (i % SECTIONS);
                producer.send(new ProducerRecord<>(Topics.HOLD_COMMANDS.name(), Keys.section("bench", section),
                        new HoldRequested(EventMeta.of("bench", "c" + i, "bench", Instant.now()), "h" + i, "b" + i,
                                section, 1, List.of())));
            }
            producer.flush();
        }
    }
}
