package io.floodgate.audit.log;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SectionConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A sale's events read from Kafka as a downstream system would (committed records only), up to
 * what was written when the read began. Only the partitions that can hold the sale are read: its
 * own partition of the topics keyed by sale, its sections' partitions of the holds topics, and, of
 * the topics keyed by hold, the records written since the sale was created.
 */
public final class KafkaSaleLog implements SaleLog {
    /** How far producers' clocks may lag the gateway's: records stamped this much before the sale are still read. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(500);
    /** A read that makes no progress for this long has lost its broker. */
    private static final Duration STALLED = Duration.ofSeconds(60);

    private final Map<String, Object> config;
    private final String saleId;
    private final Progress progress;
    private final Map<String, Integer> partitions = new TreeMap<>();

    public KafkaSaleLog(Map<String, Object> clientConfig, String saleId, Progress progress) {
        this.config = new HashMap<>(clientConfig);
        this.config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.config.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        this.saleId = saleId;
        this.progress = progress;
    }

    @Override
    public String saleId() {
        return saleId;
    }

    @Override
    public void forEach(Consumer<LoggedEvent> sink) throws IOException {
        read().forEach(sink);
    }

    /** Whether the cluster holds the sale (its {@code SaleCreated}). */
    public boolean exists() throws IOException {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<PartitionInfo> sales = consumer.partitionsFor(Topics.SALES.name());
            return sales != null && !sales.isEmpty() && created(consumer, new LinkedHashMap<>()) != null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The sale's events, merged in {@link ReplayOrder}. */
    public List<LoggedEvent> read() throws IOException {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<TopicPartition, List<LoggedEvent>> byPartition = new LinkedHashMap<>();
            LoggedEvent created = created(consumer, byPartition);
            if (created == null) {
                throw new IOException("sale '" + saleId + "' is not in " + Topics.SALES.name()
                        + " (no SaleCreated): check the sale id and the Kafka address");
            }
            Map<TopicPartition, Long> start = startingAt(consumer, (SaleCreated) created.event(),
                    created.timestamp() - CLOCK_MARGIN.toMillis());
            readFrom(consumer, start, byPartition, progress);
            progress.finish();
            partitions.clear();
            for (Topic<?> t : TOPICS) {
                partitions.put(t.name(), all(consumer, t).size());
            }
            return merge(byPartition.values(), created.occurredAt());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** How many partitions each topic had when the sale was read (an export records them). */
    public Map<String, Integer> partitions() {
        return Map.copyOf(partitions);
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads the sale's partition of the sales topic into {@code into}; returns its SaleCreated, or null. */
    private LoggedEvent created(KafkaConsumer<String, String> consumer, Map<TopicPartition, List<LoggedEvent>> into)
            throws IOException {
        TopicPartition sales = partition(consumer, Topics.SALES, saleId);
        readFrom(consumer, Map.of(sales, 0L), into, Progress.silent());
        return into.getOrDefault(sales, List.of()).stream().filter(e -> e.event() instanceof SaleCreated)
                .findFirst().orElse(null);
    }

    /** Where to start in each partition that can hold the sale's records. */
    private Map<TopicPartition, Long> startingAt(KafkaConsumer<String, String> consumer, SaleCreated created,
                                                 long fromMillis) throws IOException {
        List<TopicPartition> partitions = new ArrayList<>();
        partitions.add(partition(consumer, Topics.ARRIVALS, saleId));
        partitions.add(partition(consumer, Topics.QUEUE, saleId));
        for (SectionConfig section : created.config().sections()) {
            partitions.add(partition(consumer, Topics.HOLD_COMMANDS, saleId + "/" + section.id()));
            partitions.add(partition(consumer, Topics.HOLDS, saleId + "/" + section.id()));
        }
        for (Topic<?> byHold : List.of(Topics.CHECKOUTS, Topics.CHECKOUT_ANSWERS, Topics.PAYMENTS,
                Topics.PAYMENT_PROVIDER)) {
            partitions.addAll(all(consumer, byHold));
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, Math.max(0, fromMillis)));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> start = new LinkedHashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = found.get(p);
            start.putIfAbsent(p, at == null ? ends.get(p) : at.offset());
        }
        return start;
    }

    /**
     * Reads each partition from its start up to its end offset as it was when the read began (later
     * records are not read, so a live sale is read as of one moment); progress is counted in offsets.
     */
    private void readFrom(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> start,
                          Map<TopicPartition, List<LoggedEvent>> into, Progress progress) throws IOException {
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
        Map<TopicPartition, Long> ends = consumer.endOffsets(start.keySet());
        progress.expecting(ends.entrySet().stream().mapToLong(e -> e.getValue() - start.get(e.getKey())).sum());
        String ownSale = "\"saleId\":\"" + saleId + "\"";
        String allSales = "\"saleId\":\"" + EventMeta.ALL_SALES + "\"";
        long lastProgress = System.nanoTime();
        long read = -1;
        while (true) {
            Map<TopicPartition, Long> positions = new HashMap<>();
            ends.keySet().forEach(p -> positions.put(p, consumer.position(p)));
            Set<TopicPartition> open = ends.keySet().stream().filter(p -> positions.get(p) < ends.get(p))
                    .collect(Collectors.toSet());
            if (open.isEmpty()) {
                return;
            }
            consumer.pause(ends.keySet().stream().filter(p -> !open.contains(p)).toList());
            long now = start.entrySet().stream().mapToLong(e -> positions.get(e.getKey()) - e.getValue()).sum();
            if (now != read) {
                read = now;
                lastProgress = System.nanoTime();
                progress.reached(now);
            } else if (System.nanoTime() - lastProgress > STALLED.toNanos()) {
                throw new IOException("reading " + open + " made no progress for " + STALLED.toSeconds()
                        + " s: is the broker still there?");
            }
            ConsumerRecords<String, String> polled = consumer.poll(POLL);
            for (TopicPartition partition : polled.partitions()) {
                long end = ends.get(partition);
                for (ConsumerRecord<String, String> r : polled.records(partition)) {
                    // Past the end as of the start of the read, or another sale's (a cheap look before parsing).
                    if (r.offset() >= end || r.value() == null
                            || !(r.value().contains(ownSale) || r.value().contains(allSales))) {
                        continue;
                    }
                    LoggedEvent e = parse(r);
                    if (e.saleId().equals(saleId) || e.saleId().equals(EventMeta.ALL_SALES)) {
                        into.computeIfAbsent(partition, p -> new ArrayList<>()).add(e);
                    }
                }
            }
        }
    }

    private static LoggedEvent parse(ConsumerRecord<String, String> r) {
        try {
            return EventReader.read(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value());
        } catch (IOException e) {
            throw new UncheckedIOException(r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Merges the partitions (each already in order) by {@link ReplayOrder}. Facts about every sale
     * (the provider's health) are kept only while the sale was live: from its creation to its last event.
     */
    private List<LoggedEvent> merge(Iterable<List<LoggedEvent>> partitions, Instant createdAt) {
        Instant lastOwn = createdAt;
        for (List<LoggedEvent> list : partitions) {
            for (LoggedEvent e : list) {
                if (e.saleId().equals(saleId) && e.occurredAt().isAfter(lastOwn)) {
                    lastOwn = e.occurredAt();
                }
            }
        }
        record Cursor(List<LoggedEvent> events, int at) {
            LoggedEvent head() {
                return events.get(at);
            }
        }
        PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> ReplayOrder.COMPARATOR.compare(a.head(), b.head()));
        int total = 0;
        for (List<LoggedEvent> list : partitions) {
            total += list.size();
            if (!list.isEmpty()) {
                heads.add(new Cursor(list, 0));
            }
        }
        List<LoggedEvent> merged = new ArrayList<>(total);
        while (!heads.isEmpty()) {
            Cursor c = heads.poll();
            LoggedEvent e = c.head();
            boolean whileLive = !e.occurredAt().isBefore(createdAt) && !e.occurredAt().isAfter(lastOwn);
            if (e.saleId().equals(saleId) || whileLive) {
                merged.add(e);
            }
            if (c.at() + 1 < c.events().size()) {
                heads.add(new Cursor(c.events(), c.at() + 1));
            }
        }
        return merged;
    }

    private static TopicPartition partition(KafkaConsumer<String, String> consumer, Topic<?> topic, String key)
            throws IOException {
        return new TopicPartition(topic.name(), partitionOf(key, all(consumer, topic).size()));
    }

    /** Where the producers' default partitioner puts {@code key}: murmur2 of its UTF-8 bytes. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static List<TopicPartition> all(KafkaConsumer<String, String> consumer, Topic<?> topic) throws IOException {
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name());
        if (infos == null || infos.isEmpty()) {
            throw new IOException("topic " + topic.name() + " does not exist: is this Floodgate's Kafka cluster?");
        }
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    }
}
