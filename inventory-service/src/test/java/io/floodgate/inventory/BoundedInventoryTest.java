package io.floodgate.inventory;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Keys;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRejected;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.hold.RejectionReason;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleLimits;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.inventory.holds.InventoryStores;
import io.floodgate.platform.kafka.JsonSerde;
import io.floodgate.platform.kafka.TopicSettings;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one sale's shape and history may cost every other sale: records, scans, and stores kept. */
class BoundedInventoryTest {
    private static final Instant START = Instant.parse("2026-11-22T20:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(10);
    private static final Duration RETENTION = Duration.ofDays(2);
    /**
     * The largest record about a section: its seat map as JSON (a 64-bit word, up to 20 digits and a
     * comma, per 64 seats) and 2 KiB for everything else (ids, names, terms, envelope): 34,871 bytes.
     */
    private static final long SECTION_RECORD_BOUND = (SaleLimits.MAX_SEATS_PER_SECTION / 64 + 1) * 21L + 2048;
    /** The sale's own state, one record per sale, as large as its configuration: 128 KiB at the limits. */
    private static final long SALE_RECORD_BOUND = 128 * 1024;

    /** In memory where there is a tmpfs: the driver syncs RocksDB's checkpoint file to disk after every record. */
    private static final Path MEMORY = Path.of("/dev/shm");

    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Event> sales;
    private TestInputTopic<String, Event> commands;
    private TestInputTopic<String, Event> payments;
    private TestOutputTopic<String, HoldEvent> holds;
    private Duration elapsed = Duration.ZERO;

    @BeforeEach
    void start() throws IOException {
        stateDir = Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)
                ? Files.createTempDirectory(MEMORY, "inventory-test") : Files.createTempDirectory("inventory-test");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "inventory-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        InventoryTopology topology = new InventoryTopology(new InventorySettings(1000, 500, RETENTION),
                new TopicSettings(2, (short) 1, true));
        driver = new TopologyTestDriver(topology.topology(), props, START);
        sales = driver.createInputTopic(Topics.SALES.name(), new StringSerializer(), JsonSerde.of(Event.class));
        commands = driver.createInputTopic(Topics.HOLD_COMMANDS.name(), new StringSerializer(), JsonSerde.of(Event.class));
        payments = driver.createInputTopic(Topics.PAYMENTS.name(), new StringSerializer(), JsonSerde.of(Event.class));
        holds = driver.createOutputTopic(Topics.HOLDS.name(), new StringDeserializer(), JsonSerde.of(HoldEvent.class));
        create("small", List.of(new SectionConfig("floor", "Floor", 1, 10, 5000)));
    }

    @AfterEach
    void stop() throws IOException {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void create(String saleId, List<SectionConfig> sections) {
        sales.pipeInput(saleId, new SaleCreated(EventMeta.of(saleId, "sale:" + saleId, EventMeta.newId(), now()), "ops",
                new SaleConfig("n".repeat(SaleLimits.MAX_NAME_LENGTH), START, "EUR", 10, 100, Duration.ofMinutes(5),
                        HOLD, SaleLimits.MAX_PER_BUYER_LIMIT, sections)));
    }

    private Instant now() {
        return START.plus(elapsed);
    }

    private void advance(Duration by) {
        elapsed = elapsed.plus(by);
        driver.advanceWallClockTime(by);
    }

    private void request(String saleId, String sectionId, String holdId, int quantity, List<String> seats) {
        commands.pipeInput(Keys.section(saleId, sectionId), new HoldRequested(EventMeta.of(saleId, "corr-" + holdId,
                EventMeta.newId(), now()), holdId, "buyer-" + holdId, sectionId, quantity, seats));
    }

    private HoldEvent answer(String holdId) {
        return holds.readValuesToList().stream().filter(e -> e.holdId().equals(holdId)).findFirst().orElseThrow();
    }

    /** The largest sale the limits allow, with the longest ids and names: 200 sections, one of the largest size. */
    private static List<SectionConfig> largestSale() {
        List<SectionConfig> sections = new ArrayList<>();
        sections.add(new SectionConfig("big" + "b".repeat(37), "B".repeat(SaleLimits.MAX_SECTION_NAME_LENGTH),
                100, 1000, 10_000));
        int rest = (SaleLimits.MAX_SEATS_PER_SALE - SaleLimits.MAX_SEATS_PER_SECTION) / (SaleLimits.MAX_SECTIONS - 1);
        for (int i = 1; i < SaleLimits.MAX_SECTIONS; i++) {
            sections.add(new SectionConfig(String.format("s%039d", i), "S".repeat(SaleLimits.MAX_SECTION_NAME_LENGTH),
                    rest / 100, 100, 5000 + i));
        }
        return sections;
    }

    /** Every record written to any topic since the last call (catalogue, repartition and changelog topics). */
    private List<TestRecord<byte[], byte[]>> written() {
        List<TestRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String topic : driver.producedTopicNames()) {
            records.addAll(driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList());
        }
        return records;
    }

    private static long size(TestRecord<byte[], byte[]> record) {
        return (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
    }

    @Test
    void everyRecordOfTheLargestSaleStaysUnderABoundAndAnotherSalesHoldsAreAnsweredMeanwhile() {
        List<SectionConfig> shape = largestSale();
        assertEquals(List.of(), SaleLimits.violations("largest", new SaleConfig("L", START, "EUR", 1, 1, HOLD, HOLD,
                SaleLimits.MAX_PER_BUYER_LIMIT, shape)), "the sale is at the limits, not over them");
        written();

        create("largest", shape);
        advance(Duration.ofMillis(500));
        List<TestRecord<byte[], byte[]>> creation = written();
        // Fill the big section's seat map in its worst case for JSON: a high bit set in every 64-bit word.
        String big = shape.get(0).id();
        List<String> scattered = IntStream.range(0, SaleLimits.MAX_SEATS_PER_SECTION / 64)
                .mapToObj(word -> shape.get(0).seatName(word * 64 + 62)).toList();
        for (int from = 0; from < scattered.size(); from += SaleLimits.MAX_PER_BUYER_LIMIT) {
            List<String> seats = scattered.subList(from, Math.min(scattered.size(), from + SaleLimits.MAX_PER_BUYER_LIMIT));
            request("largest", big, "big-" + from, seats.size(), seats);
        }
        request("small", "floor", "small-1", 2, List.of());
        advance(Duration.ofMillis(500));
        List<TestRecord<byte[], byte[]>> holding = written();

        for (TestRecord<byte[], byte[]> record : concat(creation, holding)) {
            boolean saleOwn = record.key() != null && new String(record.key(), StandardCharsets.UTF_8).equals("largest");
            long bound = saleOwn ? SALE_RECORD_BOUND : SECTION_RECORD_BOUND;
            assertTrue(size(record) <= bound, "a record of " + size(record) + " bytes, over " + bound);
        }
        long total = creation.stream().mapToLong(BoundedInventoryTest::size).sum();
        assertTrue(total <= SaleLimits.MAX_SECTIONS * 4096L,
                "creating the sale wrote " + total + " bytes in " + creation.size() + " records");
        assertTrue(holding.stream().anyMatch(r -> size(r) > SECTION_RECORD_BOUND * 3 / 4),
                "the seat map's worst case was written");
        System.out.println("creating the largest sale wrote " + total + " bytes in " + creation.size() + " records");
        request("small", "floor", "small-2", 1, List.of());
        assertInstanceOf(HoldPlaced.class, answer("small-2"));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aSaleOverTheLimitsFromKafkaIsSkippedAndCountedWhileOtherSalesGoOn() {
        written();
        create("huge", IntStream.range(0, 10_000).mapToObj(i -> new SectionConfig("s" + i, "S", 1, 1, 100)).toList());

        assertEquals(List.of(), written(), "nothing is written for a sale over the limits");
        assertEquals(1.0, driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("skipped-sales-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum());
        request("huge", "s1", "h1", 1, List.of());
        assertEquals(RejectionReason.UNKNOWN_SALE, assertInstanceOf(HoldRejected.class, answer("h1")).reason());
        request("small", "floor", "s1", 1, List.of());
        assertInstanceOf(HoldPlaced.class, answer("s1"));
    }

    @Test
    void aClosedSaleIsForgottenOnceTheRetentionHasPassedAndOtherSalesAreKept() {
        create("past", List.of(new SectionConfig("floor", "Floor", 1, 10, 5000),
                new SectionConfig("balcony", "Balcony", 1, 10, 3000)));
        request("past", "floor", "p1", 2, List.of());
        request("past", "balcony", "p2", 1, List.of());
        request("small", "floor", "k1", 1, List.of());
        holds.readValuesToList();
        payments.pipeInput("p1", new PaymentAuthorized(EventMeta.of("past", "corr-p1", EventMeta.newId(), now()), "p1",
                "floor", "ch_1", 10_000, "EUR"));
        sales.pipeInput("past", new SaleClosed(EventMeta.of("past", "sale:past", EventMeta.newId(), now()), "ops", "done"));
        advance(Duration.ofMillis(500));
        TestOutputTopic<String, byte[]> availability = driver.createOutputTopic(Topics.AVAILABILITY.name(),
                new StringDeserializer(), new ByteArrayDeserializer());
        availability.readRecordsToList();

        advance(RETENTION.minusMinutes(1));
        assertTrue(keys(InventoryStores.HOLDS).contains("p1"), "kept within the retention");

        advance(Duration.ofMinutes(2));
        for (String store : List.of(InventoryStores.SALES, InventoryStores.QUOTAS, InventoryStores.SECTIONS,
                InventoryStores.HOLDS, InventoryStores.EXPIRY, InventoryStores.SECTION_HOLDS,
                InventoryStores.RETIREMENTS)) {
            assertTrue(keys(store).stream().noneMatch(k -> k.contains("past") || k.startsWith("p")),
                    store + " still has " + keys(store));
        }
        List<KeyValue<String, byte[]>> tombstones = availability.readKeyValuesToList().stream()
                .filter(kv -> kv.value == null).toList();
        assertEquals(List.of(Keys.section("past", "floor"), Keys.section("past", "balcony")).stream().sorted().toList(),
                tombstones.stream().map(kv -> kv.key).sorted().toList());
        assertTrue(keys(InventoryStores.HOLDS).contains("k1"), "an open sale's holds are kept");
        request("small", "floor", "k2", 1, List.of());
        assertInstanceOf(HoldPlaced.class, answer("k2"));
    }

    private List<String> keys(String storeName) {
        KeyValueStore<String, Object> store = driver.getKeyValueStore(storeName);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Object> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }
}
