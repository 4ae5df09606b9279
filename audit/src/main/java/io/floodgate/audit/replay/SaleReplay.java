package io.floodgate.audit.replay;

import io.floodgate.audit.log.LoggedEvent;
import io.floodgate.audit.log.SaleLog;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRejected;
import io.floodgate.contracts.hold.HoldReleased;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.contracts.payment.PaymentRefundRefused;
import io.floodgate.contracts.payment.PaymentRefunded;
import io.floodgate.contracts.provider.ProviderEvent;
import io.floodgate.contracts.provider.ProviderRecovered;
import io.floodgate.contracts.provider.ProviderUnavailable;
import io.floodgate.contracts.queue.AdmissionLapsed;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.BuyerTurnedAway;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.queue.SeededPermutation;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SectionConfig;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Set;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds a sale from nothing but its events, in {@link io.floodgate.audit.log.ReplayOrder}: the
 * line, every buyer's story, every hold and seat, every payment. Along the way it checks what the
 * services promise (no seat held or sold twice, a hold ends once) and notes the moments a person
 * looking back wants to see. Plain Java: the same fold runs over Kafka and over an export file.
 */
public final class SaleReplay {
    private final String saleId;
    private SaleCreated created;
    private LineOpened opened;
    private DrawCommitted committed;
    private long arrivedBeforeCommitment;
    private boolean commitmentContradicted;
    private final List<SaleEvent> operatorActions = new ArrayList<>();
    private final Map<String, Track> buyers = new LinkedHashMap<>();
    private final List<Track> admissions = new ArrayList<>();
    private final Map<String, HoldTrack> holds = new HashMap<>();
    private final Map<String, SectionSeats> sections = new LinkedHashMap<>();
    private final List<HoldSold> sold = new ArrayList<>();
    private final List<HoldSaleRefused> refused = new ArrayList<>();
    private final List<PaymentAuthorized> authorized = new ArrayList<>();
    private final List<PaymentRefunded> refunded = new ArrayList<>();
    private final List<PaymentRefundRefused> refundsRefused = new ArrayList<>();
    private final TreeMap<Long, long[]> minutes = new TreeMap<>();
    private final List<Moment> moments = new ArrayList<>();
    private final List<String> inconsistencies = new ArrayList<>();
    private Instant first;
    private Instant last;
    private long events;
    private long skipped;
    private long arrivals;
    /** Buyers an invite-only sale turned away (their access code missing, unknown or used). */
    private final Set<String> turnedAway = new HashSet<>();
    /** The arrivals (event ids) those refusals answered. */
    private final Set<String> turnedAwayArrivals = new HashSet<>();
    private boolean soldOut;
    private Instant providerDownSince;
    private long buyersArrived;
    private long admittedTwice;
    private List<BuyerRecord> records;

    public SaleReplay(String saleId) {
        this.saleId = saleId;
    }

    /** Replays the whole log, which must hold the sale's creation. */
    public static SaleReplay of(SaleLog log) throws IOException {
        SaleReplay replay = new SaleReplay(log.saleId());
        log.forEach(replay::apply);
        if (replay.created == null) {
            throw new IOException("the log has no SaleCreated for sale '" + log.saleId() + "': it is not a whole sale");
        }
        return replay;
    }

    public void apply(LoggedEvent logged) {
        events++;
        records = null;
        Event e = logged.event();
        if (e == null) {
            skipped++;
            return;
        }
        if (!e.meta().saleId().equals(saleId)) {
            if (e instanceof ProviderEvent p) {
                provider(p);
            }
            return;
        }
        Instant at = e.meta().occurredAt();
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
        if (e instanceof SaleEvent s) {
            sale(s);
        } else if (e instanceof BuyerArrived a) {
            arrived(a);
        } else if (e instanceof QueueEvent q) {
            queue(q);
        } else if (e instanceof HoldRequested r) {
            hold(r.holdId(), r.buyerId()).requested = true;
        } else if (e instanceof HoldEvent h) {
            holdEvent(h);
        } else if (e instanceof CheckoutRequested c) {
            count(c, Tally.CHECKOUTS);
            hold(c.holdId(), c.buyerId()).checkedOut = true;
        } else if (e instanceof PaymentEvent p) {
            payment(p);
        }
    }

    private void provider(ProviderEvent e) {
        if (e instanceof ProviderUnavailable u && !u.since().equals(providerDownSince)) {
            providerDownSince = u.since();
            moments.add(new Moment(at(u), "payment provider " + u.provider() + " unavailable: " + u.reason()));
        } else if (e instanceof ProviderRecovered r && !r.unavailableFor().isZero()) {
            providerDownSince = null;
            moments.add(new Moment(at(r), "payment provider " + r.provider() + " recovered after "
                    + TimelineWords.duration(r.unavailableFor())));
        }
    }

    private void sale(SaleEvent e) {
        if (e instanceof SaleCreated c) {
            if (created == null) {
                created = c;
                c.config().sections().forEach(s -> sections.put(s.id(), new SectionSeats(s)));
                moments.add(new Moment(at(c), TimelineWords.created(c)));
            }
            return;
        }
        operatorActions.add(e);
        moments.add(new Moment(at(e), TimelineWords.operator(e)));
    }

    private void arrived(BuyerArrived a) {
        arrivals++;
        if (committed == null) {
            arrivedBeforeCommitment++;
        }
        count(a, Tally.ARRIVALS);
        Track t = track(a.buyerId());
        if (t.arrivals.isEmpty()) {
            count(a, Tally.NEW_BUYERS);
            if (buyersArrived++ == 0) {
                moments.add(new Moment(at(a), "first buyer arrived"));
            }
        }
        t.arrivals.add(new Arrival(a.meta().eventId(), at(a), arrivals));
    }

    /**
     * The arrival a buyer is ranked by: their first one not turned away (a mistyped access code does
     * not make them late, nor early), or their first if every one was.
     */
    private Arrival rankedArrival(Track t) {
        return t.arrivals.stream().filter(a -> !turnedAwayArrivals.contains(a.eventId())).findFirst()
                .orElse(t.arrivals.get(0));
    }

    private void queue(QueueEvent e) {
        if (e instanceof DrawCommitted d) {
            if (committed == null) {
                committed = d;
                moments.add(new Moment(at(d), "draw committed: " + d.commitment() + " (" + d.scheme() + ")"));
            } else if (!d.commitment().equals(committed.commitment()) || !d.scheme().equals(committed.scheme())) {
                commitmentContradicted = true;
            }
        } else if (e instanceof LineOpened o) {
            if (opened == null) {
                opened = o;
                moments.add(new Moment(at(o), "line opened: " + o.preQueueSize() + " buyer(s) in the pre-queue, "
                        + "shuffled with seed " + o.seed() + " (" + o.permutation() + ")"));
            }
        } else if (e instanceof BuyerPreQueued p) {
            Track t = track(p.buyerId());
            if (!p.repeated() && t.preQueueIndex < 0) {
                t.preQueueIndex = p.preQueueIndex();
                t.reach(BuyerOutcome.PRE_QUEUE);
            }
        } else if (e instanceof BuyerQueued q) {
            Track t = track(q.buyerId());
            if (!q.repeated() && t.sequence == 0) {
                t.sequence = q.sequence();
                t.reach(BuyerOutcome.WAITING);
            }
        } else if (e instanceof BuyerAdmitted a) {
            Track t = track(a.buyerId());
            count(a, Tally.ADMITTED);
            if (t.admissionRank >= 0) {
                admittedTwice++;
                inconsistencies.add("buyer " + a.buyerId() + " admitted a second time (place " + a.sequence() + ")");
                return;
            }
            if (admissions.isEmpty()) {
                moments.add(new Moment(at(a), "first buyer admitted"));
            }
            t.admissionRank = admissions.size();
            t.admittedSequence = a.sequence();
            t.admittedAt = at(a);
            admissions.add(t);
            t.reach(BuyerOutcome.ADMITTED);
        } else if (e instanceof AdmissionLapsed l) {
            count(l, Tally.LAPSED);
            track(l.buyerId()).reach(BuyerOutcome.ADMISSION_EXPIRED);
        } else if (e instanceof BuyerTurnedAway t) {
            turnedAway.add(t.buyerId());
            turnedAwayArrivals.add(t.meta().causationId());
        }
    }

    private void holdEvent(HoldEvent e) {
        HoldTrack h = hold(e.holdId(), e.buyerId());
        SectionSeats seats = sections.get(e.sectionId());
        if (seats == null) {
            inconsistencies.add(e.getClass().getSimpleName() + " of hold " + e.holdId() + " names section "
                    + e.sectionId() + ", which the sale does not have");
            return;
        }
        if (e instanceof HoldPlaced p) {
            count(p, Tally.HOLDS_PLACED);
            if (h.state != null) {
                inconsistencies.add("HoldPlaced for hold " + h.holdId + ", which was already " + h.state.word());
            }
            h.state = HoldTrack.State.PLACED;
            seats.hold(p.holdId(), p.seats(), inconsistencies::add);
        } else if (e instanceof HoldRejected r) {
            count(r, Tally.HOLDS_REJECTED);
            h.state = HoldTrack.State.REJECTED;
            ended(h, BuyerOutcome.HOLD_REJECTED);
        } else if (e instanceof HoldSold s) {
            count(s, Tally.ORDERS);
            minute(s)[Tally.SEATS_SOLD.ordinal()] += s.seats().size();
            sold.add(s);
            end(h, HoldTrack.State.SOLD, s);
            seats.sell(s.holdId(), s.seats(), inconsistencies::add);
            soldOutMoments(s, seats);
        } else if (e instanceof HoldExpired x) {
            count(x, Tally.HOLDS_EXPIRED);
            end(h, HoldTrack.State.EXPIRED, x);
            seats.release(x.holdId(), x.seats());
            ended(h, BuyerOutcome.HOLD_EXPIRED);
        } else if (e instanceof HoldReleased r) {
            count(r, Tally.HOLDS_RELEASED);
            end(h, HoldTrack.State.RELEASED, r);
            seats.release(r.holdId(), r.seats());
            ended(h, BuyerOutcome.PAYMENT_DECLINED);
        } else if (e instanceof HoldSaleRefused r) {
            if (!h.refused) {
                h.refused = true;
                count(r, Tally.LATE_PAYMENTS);
            }
            refused.add(r);
            ended(h, BuyerOutcome.HOLD_ENDED_BEFORE_PAYMENT);
        }
    }

    private void payment(PaymentEvent e) {
        if (e instanceof PaymentAuthorized a) {
            authorized.add(a);
        } else if (e instanceof PaymentRefunded r) {
            refunded.add(r);
        } else if (e instanceof PaymentRefundRefused r) {
            refundsRefused.add(r);
            moments.add(new Moment(at(r), "the provider refused to refund " + r.chargeId() + " (hold " + r.holdId()
                    + "): a person must act"));
        }
    }

    private void end(HoldTrack h, HoldTrack.State state, HoldEvent e) {
        if (h.state != HoldTrack.State.PLACED) {
            inconsistencies.add(e.getClass().getSimpleName() + " for hold " + h.holdId + ", which was "
                    + (h.state == null ? "never placed" : h.state.word()));
        }
        h.state = state;
    }

    private void soldOutMoments(HoldSold s, SectionSeats seats) {
        if (seats.soldOut() && !seats.soldOutNoted) {
            seats.soldOutNoted = true;
            moments.add(new Moment(at(s), "section " + seats.config().id() + " sold out ("
                    + seats.config().capacity() + " seats)"));
        }
        if (!soldOut && sections.values().stream().allMatch(SectionSeats::soldOut)) {
            soldOut = true;
            moments.add(new Moment(at(s), "every seat sold"));
        }
    }

    /** How the buyer's latest hold to end, ended. */
    private void ended(HoldTrack h, BuyerOutcome outcome) {
        if (h.buyerId != null) {
            track(h.buyerId).lastHoldEnd = outcome;
        }
    }

    private Track track(String buyerId) {
        return buyers.computeIfAbsent(buyerId, Track::new);
    }

    private HoldTrack hold(String holdId, String buyerId) {
        HoldTrack h = holds.computeIfAbsent(holdId, HoldTrack::new);
        if (h.buyerId == null && buyerId != null) {
            h.buyerId = buyerId;
            track(buyerId).holds.add(h);
        }
        return h;
    }

    private void count(Event e, Tally tally) {
        minute(e)[tally.ordinal()]++;
    }

    private long[] minute(Event e) {
        Instant origin = created != null ? at(created) : first;
        long minute = Math.max(0, Duration.between(origin, at(e)).toMinutes());
        return minutes.computeIfAbsent(minute, m -> new long[Tally.values().length]);
    }

    private static Instant at(Event e) {
        return e.meta().occurredAt();
    }

    // ---- what the reports read

    public String saleId() {
        return saleId;
    }

    /** The sale's configuration, or null when the log has no {@code SaleCreated}. */
    public SaleCreated created() {
        return created;
    }

    /** The line's opening, or null when it never opened. */
    public LineOpened opened() {
        return opened;
    }

    /** The draw's commitment, or null when the log has none (a sale from before commitments). */
    public DrawCommitted committed() {
        return committed;
    }

    /**
     * Arrivals ({@code BuyerArrived}) before the draw's commitment in {@link io.floodgate.audit.log.ReplayOrder}
     * (ties go to the arrival): 0 when the draw was committed in time.
     */
    public long arrivedBeforeCommitment() {
        return arrivedBeforeCommitment;
    }

    /** Whether a later {@code DrawCommitted} differs from the first: the draw was committed twice. */
    public boolean commitmentContradicted() {
        return commitmentContradicted;
    }

    /** Everything operators did after creating the sale, in order. */
    public List<SaleEvent> operatorActions() {
        return List.copyOf(operatorActions);
    }

    public long buyerCount() {
        return buyers.size();
    }

    /** Every buyer, in the order the replay first met them (normally their first arrival). Computed once the replay is done. */
    public List<BuyerRecord> buyers() {
        if (records == null) {
            records = List.copyOf(records());
        }
        return records;
    }

    private List<BuyerRecord> records() {
        SeededPermutation drawn = opened != null && opened.preQueueSize() > 0
                ? new SeededPermutation(opened.seed(), opened.preQueueSize()) : null;
        Map<Track, Arrival> ranked = new HashMap<>();
        buyers.values().stream().filter(t -> !t.arrivals.isEmpty()).forEach(t -> ranked.put(t, rankedArrival(t)));
        Map<Track, Long> ranks = new HashMap<>();
        ranked.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getValue().order()))
                .forEach(e -> ranks.put(e.getKey(), (long) ranks.size()));
        List<BuyerRecord> records = new ArrayList<>(buyers.size());
        for (Track t : buyers.values()) {
            Arrival arrival = ranked.get(t);
            long place = t.sequence;
            if (place == 0 && t.preQueueIndex >= 0 && drawn != null && t.preQueueIndex < opened.preQueueSize()) {
                place = drawn.apply(t.preQueueIndex) + 1;
            }
            records.add(new BuyerRecord(t.buyerId, ranks.getOrDefault(t, -1L), arrival == null ? null : arrival.at(),
                    t.preQueueIndex, place,
                    t.admissionRank, t.admittedSequence, t.admittedAt, t.outcome()));
        }
        return records;
    }

    /** Every buyer's final outcome, counted in the order of {@link BuyerOutcome}. */
    public Map<BuyerOutcome, Long> outcomes() {
        Map<BuyerOutcome, Long> counts = new EnumMap<>(BuyerOutcome.class);
        buyers.values().forEach(t -> counts.merge(t.outcome(), 1L, Long::sum));
        return counts;
    }

    public Collection<SectionConfig> sections() {
        return sections.values().stream().map(SectionSeats::config).toList();
    }

    public long seatsSold(String sectionId) {
        SectionSeats s = sections.get(sectionId);
        return s == null ? 0 : s.seatsSold();
    }

    public long oversold() {
        return sections.values().stream().mapToLong(SectionSeats::oversold).sum();
    }

    public List<HoldSold> sold() {
        return List.copyOf(sold);
    }

    public List<HoldSaleRefused> refused() {
        return List.copyOf(refused);
    }

    public List<PaymentAuthorized> authorized() {
        return List.copyOf(authorized);
    }

    public List<PaymentRefunded> refunded() {
        return List.copyOf(refunded);
    }

    public List<PaymentRefundRefused> refundsRefused() {
        return List.copyOf(refundsRefused);
    }

    /** Counts per minute since the sale was created. */
    public Map<Long, Map<Tally, Long>> perMinute() {
        Map<Long, Map<Tally, Long>> out = new LinkedHashMap<>();
        minutes.forEach((minute, counts) -> {
            Map<Tally, Long> row = new EnumMap<>(Tally.class);
            for (Tally t : Tally.values()) {
                row.put(t, counts[t.ordinal()]);
            }
            out.put(minute, row);
        });
        return out;
    }

    /** The timeline's moments, in time order (ties by text, so the order never depends on partitions). */
    public List<Moment> moments() {
        List<Moment> sorted = new ArrayList<>(moments);
        if (last != null) {
            sorted.add(new Moment(last, "last event of the sale"));
        }
        sorted.sort(Comparator.comparing(Moment::at).thenComparing(Moment::what));
        return sorted;
    }

    /** Where the log breaks a promise of the services: each a sentence, in the order found. */
    public List<String> inconsistencies() {
        return List.copyOf(inconsistencies);
    }

    public Instant first() {
        return first;
    }

    public Instant last() {
        return last;
    }

    /** Records replayed, including those of other sales' shared facts and of types newer than this reader. */
    public long events() {
        return events;
    }

    /** Records whose event type is newer than this reader: kept in exports, not replayed. */
    public long skipped() {
        return skipped;
    }

    /** Whether an invite-only sale turned the buyer away at least once (a place may have followed). */
    public boolean turnedAway(String buyerId) {
        return turnedAway.contains(buyerId);
    }

    public long arrivals() {
        return arrivals;
    }

    /** Buyers admitted again after their first admission (each place is admitted once). */
    public long admittedTwice() {
        return admittedTwice;
    }

    public long holds() {
        return holds.size();
    }

    /** One BuyerArrived: its event id, when, and its place among the sale's arrivals. */
    private record Arrival(String eventId, Instant at, long order) {
    }

    /** A buyer being replayed. */
    private final class Track {
        final String buyerId;
        final List<HoldTrack> holds = new ArrayList<>(1);
        /** Every arrival of the buyer, in log order (which one ranks them is known only once refusals are read). */
        final List<Arrival> arrivals = new ArrayList<>(1);
        long preQueueIndex = -1;
        long sequence;
        long admissionRank = -1;
        long admittedSequence;
        Instant admittedAt;
        /** How far through the line: only ever moves on, whatever order clocks put the events in. */
        BuyerOutcome line = BuyerOutcome.JOINING;
        BuyerOutcome lastHoldEnd;

        Track(String buyerId) {
            this.buyerId = buyerId;
        }

        void reach(BuyerOutcome step) {
            if (step.ordinal() > line.ordinal()) {
                line = step;
            }
        }

        /**
         * As the API tells it (BuyerStatuses): a purchase wins; then a live hold, or one not yet
         * decided; after the window, how the last hold ended if it ended for good, else that time
         * ran out; within it, a hold that ended; else where the buyer is in line.
         */
        BuyerOutcome outcome() {
            if (holds.stream().anyMatch(h -> h.state == HoldTrack.State.SOLD)) {
                return BuyerOutcome.PURCHASED;
            }
            for (HoldTrack h : holds) {
                if (h.state == HoldTrack.State.PLACED && !h.refused) {
                    return h.checkedOut ? BuyerOutcome.PAYING : BuyerOutcome.HOLDING;
                }
            }
            if (holds.stream().anyMatch(h -> h.state == null && h.requested)) {
                return BuyerOutcome.HOLD_PENDING;
            }
            if (line == BuyerOutcome.ADMISSION_EXPIRED) {
                return lastHoldEnd != null && lastHoldEnd != BuyerOutcome.HOLD_REJECTED ? lastHoldEnd : line;
            }
            if (lastHoldEnd != null) {
                return lastHoldEnd;
            }
            return line == BuyerOutcome.PRE_QUEUE && opened != null ? BuyerOutcome.WAITING : line;
        }
    }
}
