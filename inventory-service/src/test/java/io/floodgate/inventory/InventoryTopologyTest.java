package io.floodgate.inventory;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Keys;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.availability.AvailabilityEvent;
import io.floodgate.contracts.availability.SectionAvailability;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.checkoutanswer.CheckoutAccepted;
import io.floodgate.contracts.checkoutanswer.CheckoutAnswer;
import io.floodgate.contracts.checkoutanswer.CheckoutRefused;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldExtended;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRejected;
import io.floodgate.contracts.hold.HoldReleased;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.hold.RejectionReason;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.payment.PaymentDeclined;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SaleResumed;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.platform.kafka.JsonSerde;
import io.floodgate.platform.kafka.TopicSettings;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
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
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InventoryTopologyTest {
    private static final Instant START = Instant.parse("2026-11-22T20:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(10);

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Event> sales;
    private TestInputTopic<String, Event> commands;
    private TestInputTopic<String, Event> payments;
    private TestInputTopic<String, Event> checkouts;
    private TestOutputTopic<String, HoldEvent> holds;
    private TestOutputTopic<String, CheckoutAnswer> answers;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "inventory-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        InventoryTopology topology = new InventoryTopology(new InventorySettings(1000, 500, Duration.ofDays(7)),
                new TopicSettings(2, (short) 1, true));
        driver = new TopologyTestDriver(topology.topology(), props, START);
        sales = driver.createInputTopic(Topics.SALES.name(), new StringSerializer(), JsonSerde.of(Event.class));
        commands = driver.createInputTopic(Topics.HOLD_COMMANDS.name(), new StringSerializer(), JsonSerde.of(Event.class));
        payments = driver.createInputTopic(Topics.PAYMENTS.name(), new StringSerializer(), JsonSerde.of(Event.class));
        checkouts = driver.createInputTopic(Topics.CHECKOUTS.name(), new StringSerializer(), JsonSerde.of(Event.class));
        answers = driver.createOutputTopic(Topics.CHECKOUT_ANSWERS.name(), new StringDeserializer(),
                JsonSerde.of(CheckoutAnswer.class));
        holds = driver.createOutputTopic(Topics.HOLDS.name(), new StringDeserializer(), JsonSerde.of(HoldEvent.class));
        // One row of three seats at 50.00.
        sales.pipeInput("demo", new SaleCreated(meta("op"), "ops", new SaleConfig("Demo", START, "EUR", 10, 100,
                Duration.ofMinutes(5), HOLD, 6, List.of(new SectionConfig("floor", "Floor", 1, 3, 5000)))));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static EventMeta meta(String correlation) {
        return EventMeta.of("demo", correlation, EventMeta.newId(), START);
    }

    private HoldEvent hold(String holdId, String section, int quantity) {
        commands.pipeInput(Keys.section("demo", section),
                new HoldRequested(meta("corr-" + holdId), holdId, "buyer-" + holdId, section, quantity, java.util.List.of()));
        KeyValue<String, HoldEvent> answer = holds.readKeyValue();
        assertEquals(Keys.section("demo", section), answer.key, "answers keep the section's key and order");
        return answer.value;
    }

    private void pay(PaymentEvent outcome) {
        payments.pipeInput(outcome.holdId(), outcome);
    }

    /** Authorizes what {@code seats} floor seats cost (50.00 each). */
    private void authorize(String holdId, String chargeId, int seats) {
        pay(new PaymentAuthorized(meta("corr-" + holdId), holdId, "floor", chargeId, 5_000L * seats, "EUR"));
    }

    private void checkout(String holdId) {
        checkouts.pipeInput(holdId, new CheckoutRequested(meta("corr-" + holdId), holdId, "buyer-" + holdId, "floor",
                1, "EUR", "tok_visa"));
    }

    @Test
    void exactlyTheAvailableSeatsAreHeldAndTheRestRejectedWithWhatIsLeft() {
        HoldPlaced first = assertInstanceOf(HoldPlaced.class, hold("h1", "floor", 2));
        HoldRejected second = assertInstanceOf(HoldRejected.class, hold("h2", "floor", 2));
        HoldPlaced third = assertInstanceOf(HoldPlaced.class, hold("h3", "floor", 1));

        assertEquals(List.of("A-1", "A-2"), first.seats());
        assertEquals(10_000, first.amountCents());
        assertEquals(START.plus(HOLD), first.expiresAt());
        assertEquals(RejectionReason.NOT_ENOUGH_SEATS, second.reason());
        assertEquals(1, second.seatsAvailable());
        assertEquals(List.of("A-3"), third.seats());
        assertEquals("corr-h1", first.meta().correlationId());
    }

    @Test
    void anUnknownSectionIsRejected() {
        HoldRejected rejected = assertInstanceOf(HoldRejected.class, hold("h1", "balcony", 1));

        assertEquals(RejectionReason.UNKNOWN_SALE, rejected.reason());
    }

    @Test
    void anExpiredHoldReturnsItsSeatsAtOnce() {
        hold("h1", "floor", 3);
        assertInstanceOf(HoldRejected.class, hold("h2", "floor", 1));

        driver.advanceWallClockTime(HOLD.plusSeconds(1));

        HoldExpired expired = assertInstanceOf(HoldExpired.class, holds.readValue());
        assertEquals("h1", expired.holdId());
        assertEquals("corr-h1", expired.meta().correlationId());
        assertInstanceOf(HoldPlaced.class, hold("h3", "floor", 3));
    }

    @Test
    void anAuthorizedPaymentSellsTheHoldOnceAndItNeverExpires() {
        hold("h1", "floor", 2);

        authorize("h1", "ch_1", 2);
        HoldSold sold = assertInstanceOf(HoldSold.class, holds.readValue());
        authorize("h1", "ch_1", 2); // redelivered
        driver.advanceWallClockTime(HOLD.plusSeconds(1));

        assertEquals(List.of("A-1", "A-2"), sold.seats());
        assertEquals("ch_1", sold.chargeId());
        assertTrue(holds.isEmpty(), "a redelivered payment and the expiry sweep change nothing");
        assertInstanceOf(HoldRejected.class, hold("h2", "floor", 2));
    }

    @Test
    void aDeclinedPaymentReleasesTheSeats() {
        hold("h1", "floor", 3);

        pay(new PaymentDeclined(meta("corr-h1"), "h1", "floor", "card declined", PaymentDeclined.DECLINED));

        HoldReleased released = assertInstanceOf(HoldReleased.class, holds.readValue());
        assertEquals(List.of("A-1", "A-2", "A-3"), released.seats());
        assertInstanceOf(HoldPlaced.class, hold("h2", "floor", 3));
    }

    @Test
    void aPaymentForAnExpiredHoldSellsNothingAndAsksForARefund() {
        hold("h1", "floor", 3);
        driver.advanceWallClockTime(HOLD.plusSeconds(1));
        holds.readValue();
        hold("h2", "floor", 3);

        authorize("h1", "ch_late", 3);

        HoldSaleRefused refused = assertInstanceOf(HoldSaleRefused.class, holds.readValue());
        assertEquals("ch_late", refused.chargeId());
        assertEquals("HOLD_EXPIRED", refused.reason());
    }

    @Test
    void whileTheSaleIsPausedNoHoldExpiresNorIsPlacedAndResumingExtendsHolds() {
        hold("h1", "floor", 1);
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        sales.pipeInput("demo", new SalePaused(EventMeta.of("demo", "sale:demo", "op", START.plus(Duration.ofMinutes(5))),
                "ops", "provider incident"));

        HoldRejected refused = assertInstanceOf(HoldRejected.class, hold("h2", "floor", 1));
        assertEquals(RejectionReason.SALE_PAUSED, refused.reason());
        driver.advanceWallClockTime(Duration.ofMinutes(20));
        assertTrue(holds.isEmpty(), "nothing expires while paused");

        sales.pipeInput("demo", new SaleResumed(EventMeta.of("demo", "sale:demo", "op",
                START.plus(Duration.ofMinutes(25))), "ops", "recovered"));
        HoldExtended extended = assertInstanceOf(HoldExtended.class, holds.readValue());
        assertEquals(START.plus(HOLD).plus(Duration.ofMinutes(20)), extended.expiresAt());
        driver.advanceWallClockTime(Duration.ofMinutes(4));
        assertTrue(holds.isEmpty(), "the hold still has the five minutes it had when the pause began");
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        assertInstanceOf(HoldExpired.class, holds.readValue());
    }

    @Test
    void aClosedSaleHoldsNothing() {
        sales.pipeInput("demo", new SaleClosed(meta("sale:demo"), "ops", "cancelled"));

        HoldRejected rejected = assertInstanceOf(HoldRejected.class, hold("h1", "floor", 1));

        assertEquals(RejectionReason.SALE_CLOSED, rejected.reason());
    }

    @Test
    void aHoldWhosePaymentIsInProgressDoesNotExpireUnderTheBuyer() {
        hold("h1", "floor", 2);
        checkouts.pipeInput("h1", new CheckoutRequested(meta("corr-h1"), "h1", "buyer-h1", "floor", 10_000, "EUR",
                "tok_visa"));

        driver.advanceWallClockTime(HOLD.plusMinutes(5));
        assertTrue(holds.isEmpty(), "no expiry while paying");

        authorize("h1", "ch_slow", 2);
        assertInstanceOf(HoldSold.class, holds.readValue());
    }

    @Test
    void aCheckoutOfALiveHoldIsAcceptedWithTheHoldsOwnAmountForPaymentToCharge() {
        hold("h1", "floor", 2);

        checkout("h1");
        checkout("h1"); // repeated while paying

        KeyValue<String, CheckoutAnswer> answer = answers.readKeyValue();
        assertEquals("h1", answer.key, "answers are keyed by hold, like checkouts and payments");
        CheckoutAccepted accepted = assertInstanceOf(CheckoutAccepted.class, answer.value);
        assertEquals(10_000, accepted.amountCents(), "what the seats cost, not what the checkout said");
        assertEquals("EUR", accepted.currency());
        assertEquals("tok_visa", accepted.paymentMethod());
        assertTrue(answers.isEmpty(), "a hold is sent to payment once");
    }

    @Test
    void aCheckoutTheHoldCannotOutliveIsRefusedAndNothingIsSentToPayment() {
        hold("h1", "floor", 2);
        // The hold's time is up, but the sweep has not run since (it runs every second).
        driver.advanceWallClockTime(HOLD.minusMillis(500));
        assertTrue(holds.isEmpty());
        driver.advanceWallClockTime(Duration.ofMillis(500));
        List<HoldEvent> swept = holds.readValuesToList();

        checkout("h1");

        CheckoutRefused refused = assertInstanceOf(CheckoutRefused.class, answers.readValue());
        assertEquals("HOLD_EXPIRED", refused.reason());
        List<HoldEvent> expired = new java.util.ArrayList<>(swept);
        expired.addAll(holds.readValuesToList());
        assertEquals(1, expired.size());
        assertInstanceOf(HoldExpired.class, expired.get(0));
        assertTrue(answers.isEmpty());
    }

    @Test
    void aPaymentOfAnotherAmountOrCurrencyThanTheHoldsSellsNothingAndIsRefunded() {
        hold("h1", "floor", 2);
        checkout("h1");

        pay(new PaymentAuthorized(meta("corr-h1"), "h1", "floor", "ch_short", 1, "EUR"));

        HoldSaleRefused refused = assertInstanceOf(HoldSaleRefused.class, holds.readValue());
        assertEquals("ch_short", refused.chargeId());
        assertTrue(refused.reason().startsWith("AMOUNT_MISMATCH"), refused.reason());
        assertInstanceOf(HoldReleased.class, holds.readValue());
        hold("h2", "floor", 3); // the seats are free again
        pay(new PaymentAuthorized(meta("corr-h2"), "h2", "floor", "ch_usd", 15_000, "USD"));
        assertTrue(assertInstanceOf(HoldSaleRefused.class, holds.readValue()).reason().startsWith("AMOUNT_MISMATCH"));
    }

    @Test
    void availabilityFollowsTheSeatsAtMostOncePerInterval() {
        TestOutputTopic<String, AvailabilityEvent> availability = driver.createOutputTopic(
                Topics.AVAILABILITY.name(), new StringDeserializer(), JsonSerde.of(AvailabilityEvent.class));
        hold("h1", "floor", 2);
        hold("h2", "floor", 1);
        authorize("h1", "ch_1", 2);
        holds.readValuesToList();

        driver.advanceWallClockTime(Duration.ofMillis(500));

        List<KeyValue<String, AvailabilityEvent>> published = availability.readKeyValuesToList();
        assertEquals(1, published.size(), "one record for the section, however many changes");
        SectionAvailability floor = assertInstanceOf(SectionAvailability.class, published.get(0).value);
        assertEquals(Keys.section("demo", "floor"), published.get(0).key);
        assertEquals(0, floor.free());
        assertEquals(1, floor.held());
        assertEquals(2, floor.sold());
        assertEquals(3, java.util.BitSet.valueOf(floor.taken()).cardinality());
        driver.advanceWallClockTime(Duration.ofMillis(500));
        assertTrue(availability.isEmpty(), "nothing changed, nothing published");
    }

    @Test
    void whenTwoWantTheSameSeatsOneWinsAndTheOtherIsOfferedTheNearestSeatsAtOnce() {
        HoldEvent first = holdSeats("h1", List.of("A-2"));
        HoldRejected second = assertInstanceOf(HoldRejected.class, holdSeats("h2", List.of("A-2")));

        assertEquals(List.of("A-2"), assertInstanceOf(HoldPlaced.class, first).seats());
        assertEquals(RejectionReason.SEATS_TAKEN, second.reason());
        assertEquals("floor", second.alternative().sectionId());
        assertEquals(1, second.alternative().seats().size());
        assertInstanceOf(HoldPlaced.class, holdSeats("h3", second.alternative().seats()), "the offer can be taken");
    }

    @Test
    void aSeatNamedTwiceOrSpelledAnotherWayIsNotHeldNorCountedTwice() {
        HoldRejected twice = assertInstanceOf(HoldRejected.class, holdSeats("h1", List.of("A-1", "A-01")));
        HoldRejected repeated = assertInstanceOf(HoldRejected.class, holdSeats("h2", List.of("A-1", "A-1")));
        HoldRejected fullWidth = assertInstanceOf(HoldRejected.class, holdSeats("h3", List.of("A-\uFF11")));

        assertEquals(RejectionReason.UNKNOWN_SEAT, twice.reason());
        assertEquals(RejectionReason.UNKNOWN_SEAT, repeated.reason());
        assertEquals(RejectionReason.UNKNOWN_SEAT, fullWidth.reason());
        HoldPlaced placed = assertInstanceOf(HoldPlaced.class, holdSeats("h4", List.of("A-1", "A-2", "A-3")));
        assertEquals(15_000, placed.amountCents(), "three seats, priced as three");
    }

    @Test
    void aFullSectionOffersTheSectionNearestInPrice() {
        sales.pipeInput("other", new SaleCreated(EventMeta.of("other", "op", "r", START), "ops", new SaleConfig("O",
                START, "EUR", 10, 100, Duration.ofMinutes(5), HOLD, 6, List.of(
                new SectionConfig("floor", "Floor", 1, 2, 5000),
                new SectionConfig("balcony", "Balcony", 1, 5, 3000),
                new SectionConfig("vip", "VIP", 1, 5, 20000)))));
        driver.advanceWallClockTime(Duration.ofMillis(500)); // availability published, seen by every task
        commands.pipeInput(Keys.section("other", "floor"), new HoldRequested(EventMeta.of("other", "c", "r", START),
                "o1", "b1", "floor", 2, List.of()));
        commands.pipeInput(Keys.section("other", "floor"), new HoldRequested(EventMeta.of("other", "c", "r", START),
                "o2", "b2", "floor", 2, List.of()));

        List<HoldEvent> answers = holds.readValuesToList();
        HoldRejected rejected = assertInstanceOf(HoldRejected.class, answers.get(answers.size() - 1));
        assertEquals(RejectionReason.NOT_ENOUGH_SEATS, rejected.reason());
        assertEquals("balcony", rejected.alternative().sectionId());
        assertEquals(6000, rejected.alternative().amountCents());
    }

    private HoldEvent holdSeats(String holdId, List<String> seats) {
        commands.pipeInput(Keys.section("demo", "floor"), new HoldRequested(meta("corr-" + holdId), holdId,
                "buyer-" + holdId, "floor", seats.size(), seats));
        return holds.readValue();
    }

    @Test
    void generalAdmissionHoldsNumberedPlacesWithoutChoice() {
        sales.pipeInput("gig", new SaleCreated(EventMeta.of("gig", "op", "r", START), "ops", new SaleConfig("Gig",
                START, "EUR", 10, 100, Duration.ofMinutes(5), HOLD, 6,
                List.of(SectionConfig.generalAdmission("pit", "Pit", 3, 4000)))));
        commands.pipeInput(Keys.section("gig", "pit"), new HoldRequested(EventMeta.of("gig", "c", "r", START),
                "g1", "b1", "pit", 2, List.of()));
        commands.pipeInput(Keys.section("gig", "pit"), new HoldRequested(EventMeta.of("gig", "c", "r", START),
                "g2", "b2", "pit", 2, List.of()));

        List<HoldEvent> answers = holds.readValuesToList();
        assertEquals(List.of("GA-1", "GA-2"), assertInstanceOf(HoldPlaced.class, answers.get(0)).seats());
        assertEquals(8000, ((HoldPlaced) answers.get(0)).amountCents());
        assertEquals(1, assertInstanceOf(HoldRejected.class, answers.get(1)).seatsAvailable());
    }

    @Test
    void thePerBuyerLimitSpansEveryHoldOfTheBuyerInTheSale() {
        sales.pipeInput("tour", new SaleCreated(EventMeta.of("tour", "op", "r", START), "ops", new SaleConfig("Tour",
                START, "EUR", 10, 100, Duration.ofMinutes(5), HOLD, 4, List.of(
                new SectionConfig("floor", "Floor", 1, 3, 5000),
                new SectionConfig("balcony", "Balcony", 1, 10, 3000)))));

        HoldEvent tooMany = tourHold("t1", "floor", 4); // only three seats: rejected, reserves nothing in the end
        HoldEvent three = tourHold("t2", "balcony", 3);
        HoldEvent oneMore = tourHold("t3", "floor", 1);
        HoldEvent overLimit = tourHold("t4", "floor", 1);

        assertEquals(RejectionReason.NOT_ENOUGH_SEATS, assertInstanceOf(HoldRejected.class, tooMany).reason());
        assertInstanceOf(HoldPlaced.class, three);
        assertInstanceOf(HoldPlaced.class, oneMore, "a rejected request gives its quota back");
        HoldRejected limited = assertInstanceOf(HoldRejected.class, overLimit);
        assertEquals(RejectionReason.BUYER_LIMIT_REACHED, limited.reason());

        payments.pipeInput("t3", new PaymentDeclined(EventMeta.of("tour", "c", "r", START), "t3", "floor", "no", null));
        holds.readValuesToList();
        assertInstanceOf(HoldPlaced.class, tourHold("t5", "floor", 1), "a released hold gives its seats back too");
    }

    private HoldEvent tourHold(String holdId, String section, int quantity) {
        commands.pipeInput(Keys.section("tour", section), new HoldRequested(EventMeta.of("tour", "c", "r", START),
                holdId, "fan", section, quantity, List.of()));
        List<HoldEvent> answers = holds.readValuesToList();
        return answers.stream().filter(e -> e.holdId().equals(holdId)).findFirst().orElseThrow();
    }
}
