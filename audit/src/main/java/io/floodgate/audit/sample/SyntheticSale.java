package io.floodgate.audit.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.floodgate.audit.log.KafkaSaleLog;
import io.floodgate.audit.log.LoggedEvent;
import io.floodgate.audit.log.ReplayOrder;
import io.floodgate.audit.log.SaleLog;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topic;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRejected;
import io.floodgate.contracts.hold.HoldReleased;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.hold.RejectionReason;
import io.floodgate.contracts.json.EventJson;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.payment.PaymentDeclined;
import io.floodgate.contracts.queue.AdmissionLapsed;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.DrawCommitment;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.SeededPermutation;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SectionConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

/**
 * A whole sale's log, made up but true to the contract: a pre-queue drawn by its seed, first come
 * first served after the opening, admissions at the sale's rate, holds that are sold, expire, are
 * declined or rejected when seats run out, and buyers whose window lapses. The same seed always
 * makes the same log, so benchmarks and tests can replay a million events without a running system.
 */
public final class SyntheticSale {
    public static final int PARTITIONS = 6;
    /** The generated log's topics and their partition counts, as an export records them. */
    public static final Map<String, Integer> TOPIC_PARTITIONS = SaleLog.TOPICS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Topic::name, t -> PARTITIONS));
    private static final Instant CREATED = Instant.parse("2026-11-22T20:00:00Z");
    private static final Duration PRE_QUEUE = Duration.ofSeconds(60);
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration HOLD = Duration.ofMinutes(2);
    private static final int RATE = 200;

    private record Made(Topic<?> topic, String key, Event event, long seq) {
    }

    private record Release(Instant at, String sectionId, List<String> seats) {
    }

    private final String saleId;
    private final Random random;
    private final List<Made> made = new ArrayList<>();
    private final Map<String, Deque<String>> free = new HashMap<>();
    private final PriorityQueue<Release> releases = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
    private final List<SectionConfig> sections;
    private Instant lastHold = CREATED;

    private SyntheticSale(String saleId, int buyers, long seed) {
        this.saleId = saleId;
        this.random = new Random(seed);
        int floor = Math.max(50, buyers * 3 / 20);
        int balcony = Math.max(50, buyers / 10);
        this.sections = List.of(new SectionConfig("floor", "Floor", (floor + 49) / 50, 50, 8_900),
                new SectionConfig("balcony", "Balcony", (balcony + 49) / 50, 50, 5_900));
        for (SectionConfig s : sections) {
            Deque<String> seats = new ArrayDeque<>();
            for (int i = 0; i < s.capacity(); i++) {
                seats.add(s.seatName(i));
            }
            free.put(s.id(), seats);
        }
    }

    /** A sale of about {@code events} events (about five and a half per buyer). */
    public static SaleLog ofAbout(String saleId, long events, long seed) {
        return SaleLog.of(saleId, TOPIC_PARTITIONS, generate(saleId, (int) Math.max(10, events * 2 / 11), seed));
    }

    /** The log of a sale with {@code buyers} buyers, in replay order. */
    public static List<LoggedEvent> generate(String saleId, int buyers, long seed) {
        SyntheticSale sale = new SyntheticSale(saleId, buyers, seed);
        sale.play(buyers);
        return sale.logged();
    }

    private void play(int buyers) {
        Instant opens = CREATED.plus(PRE_QUEUE);
        emit(Topics.SALES, saleId, new SaleCreated(meta(CREATED, "sale:" + saleId, "operator"), "ops",
                new SaleConfig("Synthetic night", opens, "EUR", RATE, 1_000_000, WINDOW, HOLD, 4, sections)));
        long seed = random.nextLong();
        String nonce = String.format("%016x%016x", random.nextLong(), random.nextLong());
        emit(Topics.QUEUE, saleId, new DrawCommitted(meta(CREATED, "sale:" + saleId, "draw"),
                DrawCommitment.of(nonce, seed), DrawCommitment.SCHEME));
        int preQueued = buyers / 10;
        List<String> preQueue = new ArrayList<>();
        List<Instant> queuedAt = new ArrayList<>();
        for (int i = 0; i < preQueued; i++) {
            Instant at = CREATED.plusMillis(1000 + (long) i * (PRE_QUEUE.toMillis() - 2000) / preQueued);
            String buyer = "early-" + i;
            preQueue.add(buyer);
            emit(Topics.ARRIVALS, saleId, new BuyerArrived(meta(at, buyer, "join"), buyer));
            emit(Topics.QUEUE, saleId, new BuyerPreQueued(meta(at.plusMillis(2), buyer, "arrival"), buyer, i, false));
        }
        emit(Topics.QUEUE, saleId, new LineOpened(meta(opens, "sale:" + saleId, "opening"), seed, preQueued,
                SeededPermutation.ALGORITHM, nonce));
        List<String> line = new ArrayList<>();
        if (preQueued > 0) {
            SeededPermutation draw = new SeededPermutation(seed, preQueued);
            for (int place = 0; place < preQueued; place++) {
                line.add(preQueue.get((int) draw.invert(place)));
                queuedAt.add(opens);
            }
        }
        long spreadMs = (long) (buyers - preQueued) * 500 / RATE;
        for (int i = 0; i < buyers - preQueued; i++) {
            Instant at = opens.plusMillis(1 + (long) i * spreadMs / Math.max(1, buyers - preQueued));
            String buyer = "buyer-" + i;
            emit(Topics.ARRIVALS, saleId, new BuyerArrived(meta(at, buyer, "join"), buyer));
            emit(Topics.QUEUE, saleId, new BuyerQueued(meta(at.plusMillis(2), buyer, "arrival"), buyer, line.size() + 1, false));
            if (random.nextInt(50) == 0) {
                emit(Topics.ARRIVALS, saleId, new BuyerArrived(meta(at.plusMillis(700), buyer, "join"), buyer));
                emit(Topics.QUEUE, saleId, new BuyerQueued(meta(at.plusMillis(702), buyer, "arrival"), buyer, line.size() + 1, true));
            }
            line.add(buyer);
            queuedAt.add(at.plusMillis(2));
        }
        Instant admitted = opens;
        for (int place = 1; place <= line.size(); place++) {
            Instant tick = opens.plusMillis((place - 1) * 1000L / RATE);
            admitted = latest(latest(admitted, tick), queuedAt.get(place - 1).plusMillis(10));
            String buyer = line.get(place - 1);
            emit(Topics.QUEUE, saleId, new BuyerAdmitted(meta(admitted, buyer, "admission-tick"), buyer, place,
                    admitted.plus(WINDOW), Duration.ZERO));
            shop(buyer, place, admitted);
        }
    }

    /** One admitted buyer: lapses, or asks for a hold that is rejected, sold, declined or left to expire. */
    private void shop(String buyer, int place, Instant admitted) {
        if (random.nextInt(100) < 15) {
            emit(Topics.QUEUE, saleId, new AdmissionLapsed(meta(admitted.plus(WINDOW), buyer, "window-end"), buyer, place));
            return;
        }
        lastHold = latest(lastHold.plusMillis(1), admitted.plusMillis(2_000 + random.nextInt(28_000)));
        Instant at = lastHold;
        while (!releases.isEmpty() && !releases.peek().at().isAfter(at)) {
            Release r = releases.poll();
            free.get(r.sectionId()).addAll(r.seats());
        }
        SectionConfig section = sections.get(random.nextInt(100) < 60 ? 0 : 1);
        int quantity = 1 + random.nextInt(2);
        String holdId = new UUID(random.nextLong(), random.nextLong()).toString();
        String key = saleId + "/" + section.id();
        emit(Topics.HOLD_COMMANDS, key, new HoldRequested(meta(at, buyer, "hold"), holdId, buyer, section.id(), quantity, List.of()));
        Deque<String> seats = free.get(section.id());
        Instant decided = at.plusMillis(5);
        if (seats.size() < quantity) {
            emit(Topics.HOLDS, key, new HoldRejected(meta(decided, buyer, "request"), holdId, buyer, section.id(), quantity,
                    RejectionReason.NOT_ENOUGH_SEATS, seats.size(), null));
            emit(Topics.QUEUE, saleId, new AdmissionLapsed(meta(admitted.plus(WINDOW), buyer, "window-end"), buyer, place));
            return;
        }
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < quantity; i++) {
            taken.add(seats.poll());
        }
        long amount = section.priceCents() * quantity;
        emit(Topics.HOLDS, key, new HoldPlaced(meta(decided, buyer, "request"), holdId, buyer, section.id(), taken, amount,
                "EUR", decided.plus(HOLD)));
        if (random.nextInt(100) < 25) {
            Instant expired = decided.plus(HOLD).plusMillis(random.nextInt(1000));
            emit(Topics.HOLDS, key, new HoldExpired(meta(expired, buyer, "hold-expiry"), holdId, buyer, section.id(), taken));
            releases.add(new Release(expired, section.id(), taken));
            return;
        }
        Instant checkout = decided.plusMillis(5_000 + random.nextInt(55_000));
        emit(Topics.CHECKOUTS, holdId, new CheckoutRequested(meta(checkout, buyer, "checkout"), holdId, buyer, section.id(),
                amount, "EUR", "tok_visa"));
        Instant answered = checkout.plusMillis(200 + random.nextInt(2_800));
        if (random.nextInt(100) < 5) {
            emit(Topics.PAYMENTS, holdId, new PaymentDeclined(meta(answered, buyer, "checkout"), holdId, section.id(),
                    "card declined", PaymentDeclined.DECLINED));
            Instant released = answered.plusMillis(5);
            emit(Topics.HOLDS, key, new HoldReleased(meta(released, buyer, "payment"), holdId, buyer, section.id(), taken,
                    "PAYMENT_DECLINED: card declined"));
            releases.add(new Release(released, section.id(), taken));
            return;
        }
        String chargeId = "ch_" + holdId;
        emit(Topics.PAYMENTS, holdId, new PaymentAuthorized(meta(answered, buyer, "checkout"), holdId, section.id(), chargeId,
                amount, "EUR"));
        emit(Topics.HOLDS, key, new HoldSold(meta(answered.plusMillis(5), buyer, "payment"), holdId, buyer, section.id(),
                taken, amount, "EUR", chargeId));
    }

    private EventMeta meta(Instant at, String correlationId, String cause) {
        return new EventMeta(new UUID(random.nextLong(), random.nextLong()).toString(), saleId, at,
                EventMeta.SCHEMA_VERSION, correlationId, cause);
    }

    private void emit(Topic<?> topic, String key, Event event) {
        made.add(new Made(topic, key, event, made.size()));
    }

    /** Serialises every event, orders them as a replay does, and numbers each partition's offsets. */
    private List<LoggedEvent> logged() {
        List<LoggedEvent> out = new ArrayList<>(made.size());
        try {
            for (Made m : made) {
                int partition = KafkaSaleLog.partitionOf(m.key(), PARTITIONS);
                out.add(new LoggedEvent(m.topic().name(), partition, m.seq(), m.event().meta().occurredAt().toEpochMilli(),
                        m.key(), EventJson.mapper().writeValueAsString(m.event()), saleId, m.event().meta().occurredAt(),
                        m.event()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event that cannot be written", e);
        }
        made.clear();
        out.sort(ReplayOrder.COMPARATOR);
        Map<String, Long> next = new HashMap<>();
        List<LoggedEvent> numbered = new ArrayList<>(out.size());
        for (LoggedEvent e : out) {
            long offset = next.merge(e.topic() + "-" + e.partition(), 1L, Long::sum) - 1;
            numbered.add(new LoggedEvent(e.topic(), e.partition(), offset, e.timestamp(), e.key(), e.value(), e.saleId(),
                    e.occurredAt(), e.event()));
        }
        return numbered;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
