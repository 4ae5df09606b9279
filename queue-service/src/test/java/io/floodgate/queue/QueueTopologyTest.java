package io.floodgate.queue;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.accesscode.AccessCodes;
import io.floodgate.contracts.accesscode.AccessCodesIssued;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.line.LineEvent;
import io.floodgate.contracts.line.LineSummary;
import io.floodgate.contracts.queue.AccessCodesAdded;
import io.floodgate.contracts.queue.AdmissionLapsed;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.DrawCommitment;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.BuyerTurnedAway;
import io.floodgate.contracts.queue.TurnedAwayReason;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.SeededPermutation;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.sale.AdmissionRateChanged;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SaleResumed;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.platform.kafka.JsonSerde;
import io.floodgate.platform.kafka.TopicSettings;
import io.floodgate.queue.line.QueueStores;
import io.floodgate.queue.line.SaleLine;
import org.apache.kafka.streams.state.KeyValueStore;
import io.floodgate.contracts.deadletter.RecordDeadLettered;
import io.floodgate.platform.deadletter.DeadLetters;
import io.floodgate.platform.streams.DeadLetterHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueTopologyTest {
    private static final Instant START = Instant.parse("2026-11-22T20:00:00Z");
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration CLOSED_GRACE = Duration.ofMinutes(10);
    private final List<RecordDeadLettered> deadLetters = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Event> sales;
    private TestInputTopic<String, Event> arrivals;
    private TestInputTopic<String, Event> holds;
    private TestInputTopic<String, Event> accessCodes;
    private TestOutputTopic<String, QueueEvent> queue;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "queue-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(DeadLetterHandler.config(new DeadLetters(deadLetters::add, registry, Clock.systemUTC(),
                "queue-service").reader("floodgate-queue")));
        driver = new TopologyTestDriver(new QueueTopology(new QueueSettings(TICK.toMillis(), 2000,
                CLOSED_GRACE.toMillis()), new TopicSettings(2, (short) 1, true)).topology(), props, START);
        sales = driver.createInputTopic(Topics.SALES.name(), new StringSerializer(), JsonSerde.of(Event.class));
        arrivals = driver.createInputTopic(Topics.ARRIVALS.name(), new StringSerializer(), JsonSerde.of(Event.class));
        holds = driver.createInputTopic(Topics.HOLDS.name(), new StringSerializer(), JsonSerde.of(Event.class));
        accessCodes = driver.createInputTopic(Topics.ACCESS_CODES.name(), new StringSerializer(),
                JsonSerde.of(Event.class));
        queue = driver.createOutputTopic(Topics.QUEUE.name(), new StringDeserializer(), JsonSerde.of(QueueEvent.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void createSale(int ratePerSecond) {
        createSale(ratePerSecond, START);
    }

    private void createSale(int ratePerSecond, Instant opensAt) {
        createSale(ratePerSecond, opensAt, 1000, 10_000);
    }

    private void createSale(int ratePerSecond, Instant opensAt, int maxActive, int seats) {
        sales.pipeInput("demo", new SaleCreated(EventMeta.of("demo", "op", "req", START), "ops",
                new SaleConfig("Demo", opensAt, "EUR", ratePerSecond, maxActive, WINDOW, Duration.ofMinutes(10),
                        6, List.of(new SectionConfig("floor", "Floor", 1, seats, 100)))));
    }

    private void hold(HoldEvent event) {
        holds.pipeInput("demo/floor", event);
    }

    private static EventMeta meta() {
        return EventMeta.of("demo", "c", "x", START);
    }

    private void operator(SaleEvent action) {
        sales.pipeInput("demo", action);
    }

    private BuyerArrived arrive(String buyerId) {
        return arrive(buyerId, START);
    }

    private BuyerArrived arrive(String buyerId, Instant at) {
        BuyerArrived arrived = new BuyerArrived(EventMeta.of("demo", "corr-" + buyerId + "-" + EventMeta.newId(),
                "req", at), buyerId);
        arrivals.pipeInput("demo", arrived);
        return arrived;
    }

    private <E extends QueueEvent> List<E> read(Class<E> type) {
        return queue.readValuesToList().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<BuyerAdmitted> tickFor(Duration total) {
        for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(TICK)) {
            driver.advanceWallClockTime(TICK);
        }
        return read(BuyerAdmitted.class);
    }

    @Test
    void placesAreDenseAndInArrivalOrder() {
        createSale(10);
        arrive("a");
        arrive("b");
        arrive("c");

        List<BuyerQueued> events = read(BuyerQueued.class);

        assertEquals(List.of(1L, 2L, 3L), events.stream().map(BuyerQueued::sequence).toList());
        assertEquals(List.of("a", "b", "c"), events.stream().map(BuyerQueued::buyerId).toList());
    }

    @Test
    void aBuyerWhoJoinsAgainKeepsTheFirstPlaceAndCorrelation() {
        createSale(10);
        BuyerArrived first = arrive("alice");
        arrive("bob");
        BuyerArrived again = arrive("alice");

        List<BuyerQueued> events = read(BuyerQueued.class);

        BuyerQueued repeat = events.get(2);
        assertEquals(1, repeat.sequence());
        assertTrue(repeat.repeated());
        assertEquals(first.meta().correlationId(), repeat.meta().correlationId());
        assertEquals(again.meta().eventId(), repeat.meta().causationId());
    }

    @Test
    void buyersAreAdmittedInOrderAtTheSaleRate() {
        createSale(10);
        for (int i = 1; i <= 25; i++) {
            arrive("b" + i);
        }
        queue.readValuesToList();

        List<BuyerAdmitted> admitted = tickFor(Duration.ofSeconds(1));

        assertEquals(10, admitted.size(), "one second at 10 per second");
        assertEquals(1, admitted.get(0).sequence());
        assertEquals(10, admitted.get(9).sequence());
        for (int i = 1; i < admitted.size(); i++) {
            assertEquals(admitted.get(i - 1).sequence() + 1, admitted.get(i).sequence());
        }
        assertEquals(admitted.get(0).meta().occurredAt().plus(WINDOW), admitted.get(0).windowEndsAt());
    }

    @Test
    void admissionKeepsTheBuyersCorrelation() {
        createSale(10);
        BuyerArrived arrived = arrive("alice");
        queue.readValuesToList();

        driver.advanceWallClockTime(TICK);

        BuyerAdmitted admitted = (BuyerAdmitted) queue.readValue();
        assertEquals("alice", admitted.buyerId());
        assertEquals(arrived.meta().correlationId(), admitted.meta().correlationId());
    }

    @Test
    void anArrivalForAnUnknownSaleChangesNothing() {
        arrive("alice");

        assertTrue(queue.isEmpty());
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertTrue(queue.isEmpty());
    }

    @Test
    void thePreQueueIsAdmittedInTheOrderDrawnFromTheRecordedSeedThenFirstComeFirstServed() {
        Instant opensAt = START.plusSeconds(60);
        createSale(50, opensAt);
        for (int i = 0; i < 100; i++) {
            arrive("early-" + i);
        }
        List<BuyerPreQueued> preQueued = read(BuyerPreQueued.class);
        assertEquals(100, preQueued.size());
        assertEquals(99, preQueued.get(99).preQueueIndex());
        assertTrue(tickFor(Duration.ofSeconds(30)).isEmpty(), "nobody is admitted before opening");

        driver.advanceWallClockTime(Duration.ofSeconds(32)); // opening time plus the 2 s grace
        List<QueueEvent> atOpening = queue.readValuesToList();
        LineOpened opened = (LineOpened) atOpening.get(0);
        assertEquals(100, opened.preQueueSize());
        assertEquals(SeededPermutation.ALGORITHM, opened.permutation());
        arrive("late-1", opensAt.plusSeconds(1));
        arrive("late-2", opensAt.plusSeconds(2));
        assertEquals(List.of(101L, 102L), read(BuyerQueued.class).stream().map(BuyerQueued::sequence).toList());

        List<BuyerAdmitted> admitted = new java.util.ArrayList<>(atOpening.stream()
                .filter(BuyerAdmitted.class::isInstance).map(BuyerAdmitted.class::cast).toList());
        admitted.addAll(tickFor(Duration.ofSeconds(3)));

        assertEquals(102, admitted.size());
        SeededPermutation drawn = new SeededPermutation(opened.seed(), 100);
        for (BuyerAdmitted a : admitted.subList(0, 100)) {
            assertEquals("early-" + drawn.invert(a.sequence() - 1), a.buyerId(), "place " + a.sequence());
        }
        assertEquals("late-1", admitted.get(100).buyerId());
        assertEquals("late-2", admitted.get(101).buyerId());
        assertTrue(admitted.stream().limit(100).anyMatch(a -> !a.buyerId().equals("early-" + (a.sequence() - 1))),
                "the pre-queue is shuffled, not kept in arrival order");
    }

    @Test
    void pausingStopsAdmissionsAndResumingContinuesWithoutABurst() {
        createSale(10);
        for (int i = 1; i <= 40; i++) {
            arrive("b" + i);
        }
        queue.readValuesToList();
        assertEquals(10, tickFor(Duration.ofSeconds(1)).size());

        operator(new SalePaused(EventMeta.of("demo", "op", "req", START), "ops", "payment provider degraded"));
        assertTrue(tickFor(Duration.ofSeconds(5)).isEmpty(), "no admission while paused");

        operator(new SaleResumed(EventMeta.of("demo", "op", "req", START), "ops", "recovered"));
        List<BuyerAdmitted> after = tickFor(Duration.ofSeconds(1));
        assertEquals(10, after.size(), "one second's worth, not the paused seconds' backlog");
        assertEquals(11, after.get(0).sequence(), "places were kept");
    }

    @Test
    void aNewRateTakesEffectAndAClosedSaleAdmitsNoOne() {
        createSale(10);
        for (int i = 1; i <= 100; i++) {
            arrive("b" + i);
        }
        queue.readValuesToList();

        operator(new AdmissionRateChanged(EventMeta.of("demo", "op", "req", START), "ops", "provider healthy", 40));
        assertEquals(40, tickFor(Duration.ofSeconds(1)).size());

        operator(new SaleClosed(EventMeta.of("demo", "op", "req", START), "ops", "event cancelled"));
        assertTrue(tickFor(Duration.ofSeconds(2)).isEmpty());
    }

    @Test
    void belowCapacityABuyerPassesStraightThroughWithoutWaitingForATick() {
        createSale(10);
        driver.advanceWallClockTime(Duration.ofSeconds(1)); // a quiet second after opening earns credit

        arrive("alice");

        List<QueueEvent> events = queue.readValuesToList();
        assertInstanceOf(BuyerQueued.class, events.get(events.size() - 2));
        BuyerAdmitted admitted = assertInstanceOf(BuyerAdmitted.class, events.get(events.size() - 1));
        assertEquals("alice", admitted.buyerId());
    }

    @Test
    void neverMoreActiveShoppersThanTheSaleAllowsAndNoShowsMakeRoomWhenTheirWindowPasses() {
        createSale(100, START, 5, 10_000);
        for (int i = 1; i <= 12; i++) {
            arrive("b" + i);
        }
        queue.readValuesToList();

        assertEquals(5, tickFor(Duration.ofSeconds(2)).size(), "five at most, whatever the rate");
        hold(new HoldPlaced(meta(), "h1", "b1", "floor", List.of("A-1"), 100, "EUR", START.plusSeconds(600)));
        assertTrue(tickFor(Duration.ofSeconds(2)).isEmpty(), "a shopper holding seats is still active");

        driver.advanceWallClockTime(WINDOW);
        List<QueueEvent> afterWindow = queue.readValuesToList();
        List<AdmissionLapsed> lapsed = afterWindow.stream().filter(AdmissionLapsed.class::isInstance)
                .map(AdmissionLapsed.class::cast).toList();
        assertEquals(List.of("b2", "b3", "b4", "b5"), lapsed.stream().map(AdmissionLapsed::buyerId).sorted().toList(),
                "the four no-shows lapse; b1 holds seats and stays");
        List<BuyerAdmitted> next = new java.util.ArrayList<>(afterWindow.stream()
                .filter(BuyerAdmitted.class::isInstance).map(BuyerAdmitted.class::cast).toList());
        next.addAll(tickFor(Duration.ofSeconds(1)));
        assertEquals(List.of(6L, 7L, 8L, 9L), next.stream().map(BuyerAdmitted::sequence).toList());

        hold(new HoldSold(meta(), "h1", "b1", "floor", List.of("A-1"), 100, "EUR", "ch"));
        assertEquals(List.of(10L), tickFor(Duration.ofSeconds(1)).stream().map(BuyerAdmitted::sequence).toList(),
                "a buyer who bought makes room");
    }

    @Test
    void admissionFollowsTheStockAndResumesWhenHeldSeatsComeBack() {
        createSale(100, START, 100, 3);
        for (int i = 1; i <= 6; i++) {
            arrive("b" + i);
        }
        queue.readValuesToList();

        assertEquals(3, tickFor(Duration.ofSeconds(1)).size(), "three seats can serve three shoppers");
        hold(new HoldPlaced(meta(), "h1", "b1", "floor", List.of("A-1", "A-2", "A-3"), 300, "EUR",
                START.plusSeconds(600)));
        assertTrue(tickFor(Duration.ofSeconds(1)).isEmpty(), "every seat is held");

        hold(new HoldExpired(meta(), "h1", "b1", "floor", List.of("A-1", "A-2", "A-3")));
        assertTrue(tickFor(Duration.ofSeconds(1)).isEmpty(), "b1, b2 and b3 are still shopping for the three seats");

        driver.advanceWallClockTime(WINDOW);
        List<QueueEvent> afterWindow = queue.readValuesToList();
        assertEquals(3, afterWindow.stream().filter(AdmissionLapsed.class::isInstance).count());
        assertEquals(3, afterWindow.stream().filter(BuyerAdmitted.class::isInstance).count()
                + tickFor(Duration.ofSeconds(1)).size(), "the seats came back, so the next three are admitted");
    }

    @Test
    void aBacklogOfArrivalsMadeBeforeOpeningAllJoinTheDrawEvenIfReadLate() {
        Instant opensAt = START.plusSeconds(10);
        createSale(50, opensAt);
        driver.advanceWallClockTime(Duration.ofSeconds(11)); // past opening, but arrivals are still coming in
        for (int i = 0; i < 20; i++) {
            arrive("early-" + i, opensAt.minusSeconds(1)); // made before opening, read after it
            driver.advanceWallClockTime(Duration.ofMillis(500));
        }

        assertEquals(20, read(BuyerPreQueued.class).size(), "every one of them joins the pre-queue");
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        assertEquals(20, read(LineOpened.class).get(0).preQueueSize(), "the line opens once the backlog is read");
    }

    @Test
    void eachLineIsSummarisedInOneCompactedRecordOnceASecondAtMost() {
        TestOutputTopic<String, LineEvent> lines = driver.createOutputTopic(Topics.LINES.name(),
                new StringDeserializer(), JsonSerde.of(LineEvent.class));
        createSale(100, START.plusSeconds(5));
        arrive("early-1");
        arrive("early-2");
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(List.of(new LineSummaryFacts(null, 2, 0, 0)), facts(lines), "before opening: the pre-queue");
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertEquals(List.of(), facts(lines), "nothing changed: nothing published");

        for (int tick = 0; tick < 40; tick++) { // opens, admits the pre-queue
            driver.advanceWallClockTime(TICK);
        }
        arrive("late", START.plusSeconds(10));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        LineOpened opened = read(LineOpened.class).get(0);
        List<LineSummaryFacts> told = facts(lines);
        assertEquals(new LineSummaryFacts(opened.seed(), 2, 3, 3), told.get(told.size() - 1));
        assertTrue(told.size() <= 10, "at most one a second: " + told.size());
    }

    @Test
    void aLineFromBeforeSummariesExistedIsSummarisedWholeOnStart() {
        TestOutputTopic<String, LineEvent> lines = driver.createOutputTopic(Topics.LINES.name(),
                new StringDeserializer(), JsonSerde.of(LineEvent.class));
        createSale(100, START.plusSeconds(5));
        arrive("early-1");
        arrive("early-2");
        driver.getKeyValueStore(QueueStores.SUMMARIES).delete("demo"); // as if written by the previous version

        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertEquals(List.of(new LineSummaryFacts(null, 2, 0, 0)), facts(lines));
    }

    private record LineSummaryFacts(Long seed, long preQueueSize, long lastSequence, long admittedThrough) {
    }

    private static List<LineSummaryFacts> facts(TestOutputTopic<String, LineEvent> lines) {
        return lines.readValuesToList().stream().map(e -> (LineSummary) e)
                .map(s -> new LineSummaryFacts(s.seed(), s.preQueueSize(), s.lastSequence(), s.admittedThrough()))
                .toList();
    }

    private void pipeRaw(String topic, String key, String value) {
        driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
                .pipeInput(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private double skipped(String reason) {
        return registry.get("floodgate.records.skipped").tag("reason", reason).counter().count();
    }

    @Test
    void recordsThatCannotBeReadAreSteppedOverAndTheLineCarriesOn() {
        createSale(10);
        arrive("alice");

        pipeRaw(Topics.SALES.name(), "demo", "{\"type\":\"SaleRescheduled\",\"meta\":{}}");
        pipeRaw(Topics.ARRIVALS.name(), "demo", "{\"type\":\"BuyerArrived\",\"buyerId\":");
        pipeRaw(Topics.HOLDS.name(), "demo/floor", null);
        arrive("bob");

        assertEquals(List.of(1L, 2L), read(BuyerQueued.class).stream().map(BuyerQueued::sequence).toList(),
                "bob is placed after what could not be read");
        assertEquals(1, deadLetters.size(), deadLetters.toString());
        assertEquals(Topics.ARRIVALS.name(), deadLetters.get(0).topic());
        assertEquals("queue-service/floodgate-queue", deadLetters.get(0).reader());
        assertEquals(1, skipped("unknown_type"));
        assertEquals(1, skipped("tombstone"));
        assertFalse(tickFor(Duration.ofSeconds(1)).isEmpty(), "and admissions go on");
    }

    private List<String> changelog(String store) {
        return driver.createOutputTopic("queue-test-" + store + "-changelog", new StringDeserializer(),
                new StringDeserializer()).readKeyValuesToList().stream().map(kv -> kv.key).toList();
    }

    @Test
    void aClosedSaleCostsNoChangelogWritesWhileItWaitsForItsCleanUp() {
        createSale(10);
        arrive("alice");
        operator(new SaleClosed(EventMeta.of("demo", "op", "req", START), "ops", "over"));
        tickFor(Duration.ofSeconds(1));
        changelog(QueueStores.LINES);

        tickFor(Duration.ofSeconds(10));

        assertEquals(List.of(), changelog(QueueStores.LINES), "no line rewritten by the ticks");
    }

    @Test
    void aClosedSalesStoresAreCleanedUpOnceTheGraceHasPassedAndOtherSalesAreKept() {
        TestOutputTopic<String, LineEvent> lines = driver.createOutputTopic(Topics.LINES.name(),
                new StringDeserializer(), JsonSerde.of(LineEvent.class));
        createSale(10);
        for (int i = 1; i <= 30; i++) {
            arrive("b" + i);
        }
        tickFor(Duration.ofSeconds(1));
        sales.pipeInput("other", new SaleCreated(EventMeta.of("other", "op", "req", START), "ops",
                new SaleConfig("Other", START, "EUR", 10, 1000, WINDOW, Duration.ofMinutes(10),
                        6, List.of(new SectionConfig("floor", "Floor", 1, 100, 100)))));
        arrivals.pipeInput("other", new BuyerArrived(EventMeta.of("other", "c", "req", START), "zoe"));
        operator(new SaleClosed(EventMeta.of("demo", "op", "req", START), "ops", "over"));
        driver.advanceWallClockTime(CLOSED_GRACE.minusSeconds(1));
        assertNotNull(driver.getKeyValueStore(QueueStores.LINES).get("demo"), "kept during the grace");
        changelog(QueueStores.BUYERS);

        tickFor(Duration.ofSeconds(2));

        assertNull(driver.getKeyValueStore(QueueStores.LINES).get("demo"));
        tickFor(Duration.ofSeconds(2));
        assertNull(driver.getKeyValueStore(QueueStores.SUMMARIES).get("demo"), "its summary is deleted too");
        assertTrue(lines.readRecordsToList().stream().anyMatch(r -> r.key().equals("demo") && r.value() == null),
                "and its compacted summary gets a tombstone");
        assertNotNull(driver.getKeyValueStore(QueueStores.SUMMARIES).get("other"));
        for (String store : List.of(QueueStores.BUYERS, QueueStores.ORDER, QueueStores.SHOPPERS)) {
            try (var left = driver.<String, Object>getKeyValueStore(store).prefixScan("demo/", new StringSerializer())) {
                assertFalse(left.hasNext(), store + " still holds the closed sale");
            }
        }
        assertEquals(30, changelog(QueueStores.BUYERS).size(), "a tombstone per buyer, so a restore skips them");
        assertNotNull(driver.getKeyValueStore(QueueStores.LINES).get("other"));
        assertNotNull(driver.getKeyValueStore(QueueStores.BUYERS).get("other/zoe"));
        queue.readValuesToList();
        arrive("late");
        assertTrue(queue.isEmpty(), "a cleaned-up sale is unknown: nothing more is placed in it");
    }

    @Test
    void buyersJoiningAgainDoNotHoldTheOpeningBack() {
        Instant opensAt = START.plusSeconds(10);
        createSale(50, opensAt);
        arrive("early", opensAt.minusSeconds(5));
        driver.advanceWallClockTime(Duration.ofSeconds(11));
        for (int i = 0; i < 10; i++) {
            arrive("early", opensAt.minusSeconds(5)); // a tab refreshing, or a retry
            driver.advanceWallClockTime(Duration.ofMillis(500));
        }

        assertEquals(1, read(LineOpened.class).size(), "the line opened within the grace despite the repeats");
    }

    // ---- the draw: committed at the sale's creation, before any arrival; revealed at opening

    @Test
    void theDrawIsCommittedBeforeTheFirstArrivalAndTheOpeningRevealsWhatWasCommitted() {
        Instant opensAt = START.plusSeconds(60);
        createSale(50, opensAt);
        arrive("early-1");
        arrive("early-2");

        List<QueueEvent> beforeOpening = queue.readValuesToList();
        DrawCommitted committed = assertInstanceOf(DrawCommitted.class, beforeOpening.get(0),
                "the commitment comes before any place: " + beforeOpening);
        assertEquals(DrawCommitment.SCHEME, committed.scheme());
        assertEquals(64, committed.commitment().length(), "a hex SHA-256");
        assertEquals(2, beforeOpening.stream().filter(BuyerPreQueued.class::isInstance).count());
        assertEquals(1, beforeOpening.stream().filter(DrawCommitted.class::isInstance).count());

        driver.advanceWallClockTime(Duration.ofSeconds(62));
        LineOpened opened = read(LineOpened.class).get(0);

        assertNotNull(opened.nonce(), "the opening reveals the nonce with the seed");
        assertEquals(32, opened.nonce().length(), "128 bits in hex");
        assertEquals(committed.commitment(), DrawCommitment.of(opened.nonce(), opened.seed()));
        assertTrue(DrawCommitment.matches(committed.scheme(), committed.commitment(), opened.nonce(), opened.seed()));
    }

    @Test
    void aDrawnLineIsNotOpenAndKeepsItsSeedSecretUntilItOpens() {
        TestOutputTopic<String, LineEvent> lines = driver.createOutputTopic(Topics.LINES.name(),
                new StringDeserializer(), JsonSerde.of(LineEvent.class));
        Instant opensAt = START.plusSeconds(60);
        createSale(50, opensAt);
        arrive("early");

        SaleLine line = (SaleLine) driver.getKeyValueStore(QueueStores.LINES).get("demo");
        assertTrue(line.drawn());
        assertFalse(line.opened(), "drawn is not opened");
        assertNull(line.seed());
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        LineSummary summary = (LineSummary) lines.readValuesToList().get(0);
        assertEquals(read(DrawCommitted.class).get(0).commitment(), summary.commitment(), "the summary shows the commitment");
        assertNull(summary.seed(), "not the seed");
        assertNull(summary.nonce(), "nor the nonce, with which the seed could be searched for");

        driver.advanceWallClockTime(Duration.ofSeconds(62));
        LineOpened opened = read(LineOpened.class).get(0);
        assertEquals(line.draw().seed(), opened.seed(), "the line opens with the seed drawn at creation");
        List<LineEvent> told = lines.readValuesToList();
        LineSummary after = (LineSummary) told.get(told.size() - 1);
        assertEquals(opened.seed(), after.seed());
        assertEquals(opened.nonce(), after.nonce());
    }

    @Test
    void aSaleCreatedAgainIsNotDrawnAgain() {
        createSale(50, START.plusSeconds(60));
        createSale(50, START.plusSeconds(60)); // a replayed or duplicated record

        assertEquals(1, read(DrawCommitted.class).size());
    }

    @Test
    void aLineFromBeforeCommitmentsWithNoArrivalsYetIsCommittedAtTheNextTickBeforeItsFirstArrival() {
        createSale(50, START.plusSeconds(60));
        KeyValueStore<String, SaleLine> store = driver.getKeyValueStore(QueueStores.LINES);
        store.put("demo", store.get("demo").withDraw(null)); // as the previous version left it
        queue.readValuesToList();

        driver.advanceWallClockTime(TICK);
        arrive("early");

        List<QueueEvent> events = queue.readValuesToList();
        assertInstanceOf(DrawCommitted.class, events.get(0), events.toString());
        assertInstanceOf(BuyerPreQueued.class, events.get(1));
        driver.advanceWallClockTime(TICK); // a later tick does not draw again
        assertTrue(read(DrawCommitted.class).isEmpty());
    }

    private void createInviteOnlySale() {
        sales.pipeInput("demo", new SaleCreated(EventMeta.of("demo", "op", "req", START), "ops",
                new SaleConfig("Presale", START, "EUR", 10, 1000, WINDOW, Duration.ofMinutes(10), 6,
                        List.of(new SectionConfig("floor", "Floor", 1, 100, 100)), null, true)));
    }

    private void issue(String... codes) {
        accessCodes.pipeInput("demo", new AccessCodesIssued(EventMeta.of("demo", "op", "req", START), "ops",
                java.util.Arrays.stream(codes).map(c -> AccessCodes.hash("demo", c)).toList()));
    }

    private BuyerArrived arriveWithCode(String buyerId, String code) {
        BuyerArrived arrived = new BuyerArrived(EventMeta.of("demo", "corr-" + buyerId, "req", START), buyerId,
                code == null ? null : AccessCodes.hash("demo", code));
        arrivals.pipeInput("demo", arrived);
        return arrived;
    }

    private static final String CODE_A = "7KQ3M9XD2WHC5RTV8BNP";
    private static final String CODE_B = "Q4ZW8HJK3MNP6RST9VXY";

    @Test
    void anInviteOnlySaleTakesEachCodeOnceAndRefusesUnknownUsedAndMissingCodes() {
        createInviteOnlySale();
        issue(CODE_A, CODE_B);
        assertEquals(2, read(AccessCodesAdded.class).get(0).issued());

        arriveWithCode("alice", CODE_A);
        BuyerArrived mallory = arriveWithCode("mallory", CODE_A);
        arriveWithCode("trudy", "ZZZZZZZZZZZZZZZZZZZZ");
        arriveWithCode("nobody", null);
        arriveWithCode("bob", CODE_B);

        List<QueueEvent> answers = queue.readValuesToList();
        List<BuyerQueued> placed = answers.stream().filter(BuyerQueued.class::isInstance).map(BuyerQueued.class::cast)
                .toList();
        assertEquals(List.of("alice", "bob"), placed.stream().map(BuyerQueued::buyerId).toList());
        assertEquals(List.of(1L, 2L), placed.stream().map(BuyerQueued::sequence).toList(), "refusals take no place");
        List<BuyerTurnedAway> refused = answers.stream().filter(BuyerTurnedAway.class::isInstance)
                .map(BuyerTurnedAway.class::cast).toList();
        assertEquals(List.of("mallory", "trudy", "nobody"), refused.stream().map(BuyerTurnedAway::buyerId).toList());
        assertEquals(List.of(TurnedAwayReason.ACCESS_CODE_USED, TurnedAwayReason.ACCESS_CODE_UNKNOWN,
                TurnedAwayReason.ACCESS_CODE_REQUIRED), refused.stream().map(BuyerTurnedAway::reason).toList());
        assertEquals(mallory.meta().eventId(), refused.get(0).meta().causationId(), "the refusal answers the arrival");
        assertEquals("corr-mallory", refused.get(0).meta().correlationId());
    }

    @Test
    void theBuyerWhoUsedACodeKeepsTheirPlaceWhenTheyJoinAgain() {
        createInviteOnlySale();
        issue(CODE_A, CODE_B);
        arriveWithCode("alice", CODE_A);
        queue.readValuesToList();

        arriveWithCode("alice", CODE_A);
        arriveWithCode("alice", CODE_B);
        arriveWithCode("alice", null);

        List<BuyerQueued> again = read(BuyerQueued.class);
        assertEquals(3, again.size(), "from another device without her code too");
        assertTrue(again.stream().allMatch(q -> q.repeated() && q.sequence() == 1), "the same place, three times");
        arriveWithCode("bob", CODE_B);
        assertEquals(List.of(2L), read(BuyerQueued.class).stream().map(BuyerQueued::sequence).toList(),
                "alice's second code was not spent on her: bob can still use it");
    }

    @Test
    void aCodeAdmitsBeforeOpeningTooAndThePreQueueCountsOnlyAdmittedBuyers() {
        Instant opensAt = START.plusSeconds(60);
        sales.pipeInput("demo", new SaleCreated(EventMeta.of("demo", "op", "req", START), "ops",
                new SaleConfig("Presale", opensAt, "EUR", 10, 1000, WINDOW, Duration.ofMinutes(10), 6,
                        List.of(new SectionConfig("floor", "Floor", 1, 100, 100)), null, true)));
        issue(CODE_A);
        arriveWithCode("alice", CODE_A);
        arriveWithCode("mallory", CODE_A);

        assertEquals(List.of(0L), read(BuyerPreQueued.class).stream().map(BuyerPreQueued::preQueueIndex).toList());
        arriveWithCode("mallory", CODE_A);
        assertEquals(1, read(BuyerTurnedAway.class).size());
    }

    @Test
    void aPublicSaleIgnoresCodesAndTakesNone() {
        createSale(10);
        issue(CODE_A);
        arriveWithCode("alice", CODE_A);
        arriveWithCode("bob", CODE_A);
        arriveWithCode("carol", null);

        List<QueueEvent> answers = queue.readValuesToList();
        assertEquals(3, answers.stream().filter(BuyerQueued.class::isInstance).count());
        assertFalse(answers.stream().anyMatch(e -> e instanceof AccessCodesAdded || e instanceof BuyerTurnedAway));
        try (var stored = driver.<String, Object>getKeyValueStore(QueueStores.ACCESS_CODES).all()) {
            assertFalse(stored.hasNext(), "nothing stored for a public sale");
        }
    }

    @Test
    void duplicatesAreCountedOnceAndTheIssuedCountIsSummarised() {
        TestOutputTopic<String, LineEvent> lines = driver.createOutputTopic(Topics.LINES.name(),
                new StringDeserializer(), JsonSerde.of(LineEvent.class));
        createInviteOnlySale();
        issue(CODE_A, CODE_B);
        issue(CODE_B, CODE_A, "ABCDEFGHJKMNPQRSTVWX");

        List<AccessCodesAdded> added = read(AccessCodesAdded.class);
        assertEquals(List.of(2, 1), added.stream().map(AccessCodesAdded::added).toList());
        assertEquals(List.of(0, 2), added.stream().map(AccessCodesAdded::duplicates).toList());
        assertEquals(3, added.get(1).issued());
        tickFor(Duration.ofSeconds(2));
        LineSummary summary = (LineSummary) lines.readValuesToList().get(0);
        assertEquals(3, summary.accessCodesIssued());
    }

    @Test
    void aRecordWithMoreHashesThanARecordMayCarryStoresOnlyTheFirstThousand() {
        createInviteOnlySale();
        List<String> hashes = java.util.stream.IntStream.range(0, AccessCodes.MAX_PER_RECORD + 500)
                .mapToObj(i -> AccessCodes.hash("demo", "code" + i)).toList();
        accessCodes.pipeInput("demo", new AccessCodesIssued(EventMeta.of("demo", "op", "req", START), "ops", hashes));

        assertEquals(AccessCodes.MAX_PER_RECORD, read(AccessCodesAdded.class).get(0).issued());
    }

    @Test
    void aClosedSalesAccessCodesAreCleanedUpWithItsLine() {
        createInviteOnlySale();
        issue(CODE_A, CODE_B);
        arriveWithCode("alice", CODE_A);
        operator(new SaleClosed(EventMeta.of("demo", "op", "req", START), "ops", "over"));
        tickFor(Duration.ofSeconds(1));

        driver.advanceWallClockTime(CLOSED_GRACE.plusSeconds(1));
        tickFor(Duration.ofSeconds(1));

        try (var left = driver.<String, Object>getKeyValueStore(QueueStores.ACCESS_CODES)
                .prefixScan("demo/", new StringSerializer())) {
            assertFalse(left.hasNext(), "codes deleted with the line");
        }
        assertNull(driver.getKeyValueStore(QueueStores.ACCESS_CODE_COUNTS).get("demo"));
        assertNull(driver.getKeyValueStore(QueueStores.LINES).get("demo"));
    }

    @Test
    void aLineFromBeforeCommitmentsThatAlreadyHoldsPreQueuedBuyersIsNotCommittedLateAndDrawsAtOpening() {
        Instant opensAt = START.plusSeconds(60);
        createSale(50, opensAt);
        arrive("early-1");
        KeyValueStore<String, SaleLine> store = driver.getKeyValueStore(QueueStores.LINES);
        store.put("demo", store.get("demo").withDraw(null)); // as the previous version left it: buyers, no draw
        queue.readValuesToList();

        arrive("early-2");
        driver.advanceWallClockTime(Duration.ofSeconds(62));

        List<QueueEvent> events = queue.readValuesToList();
        assertTrue(events.stream().noneMatch(DrawCommitted.class::isInstance),
                "a commitment after arrivals would promise nothing: " + events);
        LineOpened opened = events.stream().filter(LineOpened.class::isInstance).map(LineOpened.class::cast)
                .findFirst().orElseThrow();
        assertEquals(2, opened.preQueueSize());
        assertNull(opened.nonce(), "an uncommitted draw reveals no nonce");
        SaleLine line = store.get("demo");
        assertTrue(line.opened());
        assertFalse(line.drawn());
    }

    @Test
    void aFirstSummaryOfADrawnButUnopenedLineHidesTheNonce() {
        TestOutputTopic<String, LineEvent> lines = driver.createOutputTopic(Topics.LINES.name(),
                new StringDeserializer(), JsonSerde.of(LineEvent.class));
        createSale(50, START.plusSeconds(60));
        arrive("early-1");
        driver.getKeyValueStore(QueueStores.SUMMARIES).delete("demo"); // as before summaries existed

        arrive("early-2"); // the summary starts from the stored, drawn line
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<LineEvent> told = lines.readValuesToList();
        LineSummary summary = (LineSummary) told.get(told.size() - 1);
        assertNotNull(summary.commitment(), "the first summary carries the stored draw's commitment");
        assertNull(summary.nonce(), "but not its nonce while the line is closed");
        assertNull(summary.seed());
    }
}

