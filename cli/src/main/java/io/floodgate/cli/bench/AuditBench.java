package io.floodgate.cli.bench;

import io.floodgate.audit.fairness.FairnessAudit;
import io.floodgate.audit.fairness.FairnessText;
import io.floodgate.audit.log.EventFile;
import io.floodgate.audit.log.KafkaImport;
import io.floodgate.audit.log.KafkaSaleLog;
import io.floodgate.audit.log.LoggedEvent;
import io.floodgate.audit.log.Progress;
import io.floodgate.audit.log.SaleLog;
import io.floodgate.audit.reconcile.LoggedCharges;
import io.floodgate.audit.reconcile.SaleReconciler;
import io.floodgate.audit.reconcile.SaleReconciliationText;
import io.floodgate.audit.replay.SaleReplay;
import io.floodgate.audit.sample.SyntheticSale;
import io.floodgate.audit.timeline.Timeline;
import io.floodgate.audit.timeline.TimelineText;
import io.floodgate.kit.kafka.EmbeddedKafka;
import io.floodgate.kit.process.Ports;
import io.floodgate.payment.reconcile.LedgerOrder;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.KafkaSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code floodgate bench audit [events]}: exports, replays and audits a generated sale of a million
 * events, from a file and from a real broker, each beside a bare read of the same bytes or records
 * in the same run. Checks on the way that a report from Kafka and from the file are the same bytes.
 */
public final class AuditBench {
    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        long wanted = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path home = Files.createTempDirectory("floodgate-audit-bench");
        System.out.printf("machine: %d cores, Java %s, max heap %,d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);

        SaleLog generated = SyntheticSale.ofAbout("bench", wanted, 42);
        Path file = home.resolve("bench.events.jsonl");
        long started = System.nanoTime();
        long events = EventFile.write(file, generated);
        double writeSeconds = seconds(started);
        generated = null;
        System.out.printf("generated a sale of %,d events; wrote %,d MiB in %.2f s%n", events, Files.size(file) >> 20, writeSeconds);

        started = System.nanoTime();
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (in.readLine() != null) {
                lines++;
            }
        }
        double bareFile = seconds(started);
        started = System.nanoTime();
        SaleReplay replayed = SaleReplay.of(EventFile.reading(file, Progress.to(System.err, "records replayed")));
        String fromFile = reports(replayed);
        double auditFile = seconds(started);
        System.out.printf("from the file:  replay + timeline + fairness + reconciliation %6.2f s (%,9.0f events/s); "
                + "bare line read %.2f s; ratio %.1fx; live heap of the replayed sale %,d MiB%n", auditFile,
                events / auditFile, bareFile, auditFile / bareFile, liveHeapMiB());
        replayed = null;

        try (EmbeddedKafka kafka = EmbeddedKafka.start(home.resolve("kafka"), Ports.free(), Ports.free())) {
            started = System.nanoTime();
            new KafkaImport(new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of())))
                    .load(EventFile.reading(file, Progress.silent()));
            System.out.printf("imported into a broker in %.2f s%n", seconds(started));

            started = System.nanoTime();
            long records = bareRead(kafka.bootstrapServers());
            double bareKafka = seconds(started);
            Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            started = System.nanoTime();
            Path exported = home.resolve("exported.events.jsonl");
            EventFile.write(exported, new KafkaSaleLog(client, "bench", Progress.to(System.err, "records read")));
            double exportSeconds = seconds(started);
            started = System.nanoTime();
            List<LoggedEvent> read = new KafkaSaleLog(client, "bench", Progress.silent()).read();
            double readKafka = seconds(started);
            long readHeap = liveHeapMiB();
            String fromKafka = reports(SaleReplay.of(SaleLog.of("bench", Map.of(), read)));
            double auditKafka = seconds(started);
            read = null;
            System.out.printf("from Kafka:     export %6.2f s; read %6.2f s, then replay + reports: %6.2f s in all (%,9.0f events/s); "
                    + "bare consumer read of %,d records %.2f s; ratio %.1fx; live heap of the records read %,d MiB%n",
                    exportSeconds, readKafka, auditKafka, events / auditKafka, records, bareKafka, auditKafka / bareKafka, readHeap);
            System.out.printf("reports from Kafka and from the file identical: %s; re-export identical to the file: %s%n",
                    fromKafka.equals(fromFile) ? "yes" : "NO",
                    Files.mismatch(file, exported) == -1 ? "yes" : "NO (offsets differ after an import)");
        }
        System.out.printf("lines in the file %,d%n", lines);
    }

    /** Everything the audit commands print for a sale, with the ledger taken as the log's own orders. */
    private static String reports(SaleReplay replay) {
        List<LedgerOrder> ledger = replay.sold().stream().map(LedgerOrder::of).toList();
        return TimelineText.format(Timeline.of(replay)) + FairnessText.format(FairnessAudit.of(replay))
                + SaleReconciliationText.format(SaleReconciler.of(replay, ledger,
                LoggedCharges.of(replay.authorized(), replay.refunded()), "the event log"));
    }

    /** The floor: every record of the catalogue topics read once, nothing parsed. */
    private static long bareRead(String bootstrap) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> all = io.floodgate.contracts.Topics.ALL.stream()
                    .flatMap(t -> consumer.partitionsFor(t.name()).stream().map(p -> new TopicPartition(p.topic(), p.partition())))
                    .toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            long read = 0;
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            return read;
        }
    }

    /** Heap in use after a full collection: what the data still reachable takes. */
    private static long liveHeapMiB() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
