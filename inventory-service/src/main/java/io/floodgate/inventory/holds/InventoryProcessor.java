package io.floodgate.inventory.holds;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.availability.AvailabilityEvent;
import io.floodgate.contracts.availability.SectionAvailability;
import io.floodgate.contracts.hold.Alternative;
import io.floodgate.inventory.seats.Alternatives;
import io.floodgate.contracts.Keys;
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
import io.floodgate.inventory.seats.Section;
import io.floodgate.inventory.seats.SectionUpdate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * Owns the seats of the sections in its partitions: places and rejects holds, sells or releases
 * them on payment outcomes, and expires them on a wall-clock sweep of the expiry index. One task
 * sees every request for a section in order, so two buyers can never get the same seat.
 */
public final class InventoryProcessor implements Processor<String, Object, String, Event> {
    private final Duration sweepInterval;
    private final Duration availabilityInterval;
    /** Sections changed since availability was last published; rebuilt from the store on start. */
    private final Set<String> changed = new HashSet<>();
    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, Section> sections;
    private KeyValueStore<String, Hold> holds;
    private KeyValueStore<String, String> expiry;
    private KeyValueStore<String, String> sectionHolds;
    private TimestampedKeyValueStore<String, AvailabilityEvent> availability;

    public InventoryProcessor(Duration sweepInterval, Duration availabilityInterval) {
        this.sweepInterval = sweepInterval;
        this.availabilityInterval = availabilityInterval;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.sections = context.getStateStore(InventoryStores.SECTIONS);
        this.holds = context.getStateStore(InventoryStores.HOLDS);
        this.expiry = context.getStateStore(InventoryStores.EXPIRY);
        this.sectionHolds = context.getStateStore(InventoryStores.SECTION_HOLDS);
        this.availability = context.getStateStore(InventoryStores.AVAILABILITY);
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, this::expire);
        context.schedule(availabilityInterval, PunctuationType.WALL_CLOCK_TIME, this::publishAvailability);
        try (KeyValueIterator<String, Section> it = sections.all()) {
            it.forEachRemaining(kv -> changed.add(kv.key));
        }
        indexHoldsKeptBeforeTheIndex();
    }

    /** Stores written before holds were indexed by section: index them once, so they too can be forgotten. */
    private void indexHoldsKeptBeforeTheIndex() {
        try (KeyValueIterator<String, String> indexed = sectionHolds.all()) {
            if (indexed.hasNext()) {
                return;
            }
        }
        try (KeyValueIterator<String, Hold> it = holds.all()) {
            it.forEachRemaining(kv -> indexBySection(kv.value));
        }
    }

    private void indexBySection(Hold hold) {
        sectionHolds.put(sectionHoldKey(hold), hold.holdId());
    }

    private static String sectionHoldKey(Hold hold) {
        return InventoryStores.sectionHoldsPrefix(Keys.section(hold.saleId(), hold.sectionId())) + hold.holdId();
    }

    /** At most one availability record per changed section per interval: a view, not a log. */
    private void publishAvailability(long nowMs) {
        for (String key : changed) {
            Section section = sections.get(key);
            if (section != null) {
                EventMeta meta = EventMeta.of(section.saleId(), "sale:" + section.saleId(), "availability:" + nowMs,
                        Instant.ofEpochMilli(nowMs));
                context.forward(new Record<>(key, new SectionAvailability(meta, section.config().id(),
                        section.config().name(), section.config().priceCents(), section.config().generalAdmission(),
                        section.config().rows(),
                        section.config().seatsPerRow(), section.seats().free(), section.held(), section.sold(),
                        section.seats().taken()), nowMs));
            }
        }
        changed.clear();
    }

    /** Every change to a section's seats goes through here, so availability follows it. */
    private void putSection(String key, Section section) {
        sections.put(key, section);
        changed.add(key);
    }

    @Override
    public void process(Record<String, Object> record) {
        Object value = record.value();
        if (value instanceof SectionUpdate update) {
            update(record.key(), update);
        } else if (value instanceof HoldRequested request) {
            hold(record.key(), request);
        } else if (value instanceof CheckoutRequested checkout) {
            paying(checkout);
        } else if (value instanceof PaymentAuthorized authorized) {
            sell(authorized);
        } else if (value instanceof PaymentDeclined declined) {
            release(declined);
        }
    }

    private void update(String sectionKey, SectionUpdate update) {
        Section section = sections.get(sectionKey);
        if (update.retired()) {
            if (section != null) {
                forget(sectionKey);
            }
            return;
        }
        if (section == null) {
            putSection(sectionKey, Section.open(update));
            return;
        }
        Duration paused = update.sale().pausedTotal().minus(section.sale().pausedTotal());
        sections.put(sectionKey, section.withSale(update.sale()));
        if (!paused.isNegative() && !paused.isZero()) {
            extendLiveHolds(sectionKey, section.saleId(), update.config().id(), paused);
        }
    }

    /**
     * A pause took nothing from anybody: every live hold of the section runs that much longer. Only
     * the section's own holds are read, so a sale's resume reads each of its holds once.
     */
    private void extendLiveHolds(String sectionKey, String saleId, String sectionId, Duration paused) {
        for (String holdId : holdIds(sectionKey)) {
            Hold hold = holds.get(holdId);
            if (hold == null || hold.status() != HoldStatus.ACTIVE) {
                continue;
            }
            Hold extended = hold.expiringAt(hold.expiresAtMs() + paused.toMillis());
            expiry.delete(InventoryStores.expiryKey(hold.expiresAtMs(), hold.holdId()));
            expiry.put(InventoryStores.expiryKey(extended.expiresAtMs(), hold.holdId()), hold.holdId());
            holds.put(hold.holdId(), extended);
            emit(new HoldExtended(EventMeta.of(saleId, hold.correlationId(), "sale-resumed:" + saleId,
                    Instant.ofEpochMilli(now())), hold.holdId(), hold.buyerId(), sectionId,
                    Instant.ofEpochMilli(extended.expiresAtMs())));
        }
    }

    private List<String> holdIds(String sectionKey) {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, String> it = sectionHolds.prefixScan(
                InventoryStores.sectionHoldsPrefix(sectionKey), new StringSerializer())) {
            it.forEachRemaining(kv -> ids.add(kv.value));
        }
        return ids;
    }

    /**
     * The section's sale ended longer ago than the retention: its holds, seats and published
     * availability (a tombstone) go, so that what a restart restores does not grow with past sales.
     */
    private void forget(String sectionKey) {
        for (String holdId : holdIds(sectionKey)) {
            Hold hold = holds.get(holdId);
            if (hold != null) {
                expiry.delete(InventoryStores.expiryKey(hold.expiresAtMs(), holdId));
                holds.delete(holdId);
                sectionHolds.delete(sectionHoldKey(hold));
            }
        }
        sections.delete(sectionKey);
        changed.remove(sectionKey);
        context.forward(new Record<>(sectionKey, null, now()));
    }

    private void hold(String sectionKey, HoldRequested request) {
        if (holds.get(request.holdId()) != null) {
            return; // already decided: hold ids are unique per request
        }
        Section section = sections.get(sectionKey);
        if (section == null) {
            reject(request, RejectionReason.UNKNOWN_SALE, 0, null);
            return;
        }
        if (section.sale().closed() || section.sale().paused()) {
            reject(request, section.sale().closed() ? RejectionReason.SALE_CLOSED : RejectionReason.SALE_PAUSED,
                    section.seats().free(), null);
            return;
        }
        List<Integer> seats;
        if (!request.seats().isEmpty()) {
            List<Integer> wanted = section.indexes(request.seats());
            // A seat named twice would be held once but priced and counted twice; the quantity is what the
            // buyer's limit reserved.
            if (wanted.contains(-1) || wanted.stream().distinct().count() != wanted.size()
                    || wanted.size() != request.quantity()) {
                reject(request, RejectionReason.UNKNOWN_SEAT, section.seats().free(), null);
                return;
            }
            if (!section.seats().allFree(wanted)) {
                reject(request, RejectionReason.SEATS_TAKEN, section.seats().free(),
                        Alternatives.forTakenSeats(section, wanted, others(section)).orElse(null));
                return;
            }
            seats = wanted;
        } else {
            Optional<List<Integer>> best = section.seats().best(request.quantity());
            if (best.isEmpty()) {
                reject(request, RejectionReason.NOT_ENOUGH_SEATS, section.seats().free(),
                        Alternatives.forQuantity(section, request.quantity(), others(section)).orElse(null));
                return;
            }
            seats = best.get();
        }
        putSection(sectionKey, section.withSeats(section.seats().take(seats)));
        long expiresAt = now() + section.holdDuration().toMillis();
        Hold hold = new Hold(request.holdId(), section.saleId(), request.sectionId(), request.buyerId(),
                section.names(seats), section.price(seats.size()), section.currency(), expiresAt,
                HoldStatus.ACTIVE, null, request.meta().correlationId());
        holds.put(hold.holdId(), hold);
        indexBySection(hold);
        expiry.put(InventoryStores.expiryKey(expiresAt, hold.holdId()), hold.holdId());
        emit(new HoldPlaced(meta(request.meta()), hold.holdId(), hold.buyerId(), hold.sectionId(), hold.seats(),
                hold.amountCents(), hold.currency(), Instant.ofEpochMilli(expiresAt)));
    }

    private void reject(HoldRequested request, RejectionReason reason, int available, Alternative alternative) {
        emit(new HoldRejected(meta(request.meta()), request.holdId(), request.buyerId(), request.sectionId(),
                request.quantity(), reason, available, alternative));
    }

    /** The sale's other sections as last published: sections in other tasks are known only this way. */
    private List<Alternatives.OtherSection> others(Section section) {
        List<Alternatives.OtherSection> others = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<AvailabilityEvent>> it = availability.prefixScan(
                Keys.section(section.saleId(), ""), new StringSerializer())) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && kv.value.value() instanceof SectionAvailability a
                        && a.meta().saleId().equals(section.saleId())) {
                    others.add(new Alternatives.OtherSection(a.sectionId(), a.priceCents(), a.free()));
                }
            });
        }
        return others;
    }

    /**
     * Answers a checkout. A live hold goes into payment (it leaves the expiry index until the
     * payment's outcome) and is accepted, with its own amount, for payment-service to charge. A hold
     * whose time is up is expired now, not at the next sweep, and its checkout refused: nothing is
     * charged for seats the buyer no longer has. A repeated checkout of a hold in payment changes
     * nothing: the hold is charged once.
     */
    private void paying(CheckoutRequested checkout) {
        Hold hold = holds.get(checkout.holdId());
        if (hold != null && hold.status() == HoldStatus.PAYING) {
            return;
        }
        if (hold != null && hold.status() == HoldStatus.ACTIVE && hold.expiresAtMs() <= now() && !paused(hold)) {
            expire(hold, now());
            hold = holds.get(hold.holdId());
        }
        if (hold == null || hold.status() != HoldStatus.ACTIVE) {
            answer(new CheckoutRefused(meta(checkout.meta()), checkout.holdId(), checkout.buyerId(),
                    checkout.sectionId(), hold == null ? "UNKNOWN_HOLD" : "HOLD_" + hold.status()));
            return;
        }
        expiry.delete(InventoryStores.expiryKey(hold.expiresAtMs(), hold.holdId()));
        holds.put(hold.holdId(), hold.ended(HoldStatus.PAYING, null));
        answer(new CheckoutAccepted(meta(checkout.meta()), hold.holdId(), hold.buyerId(), hold.sectionId(),
                hold.amountCents(), hold.currency(), checkout.paymentMethod()));
    }

    private void sell(PaymentAuthorized authorized) {
        Hold hold = holds.get(authorized.holdId());
        if (hold != null && hold.status() == HoldStatus.SOLD && authorized.chargeId().equals(hold.chargeId())) {
            return; // the same payment redelivered
        }
        if (hold == null || !hold.status().live()) {
            String why = hold == null ? "UNKNOWN_HOLD" : "HOLD_" + hold.status();
            emit(new HoldSaleRefused(meta(authorized.meta()), authorized.holdId(),
                    hold == null ? null : hold.buyerId(), authorized.sectionId(), authorized.chargeId(), why));
            return;
        }
        if (authorized.amountCents() != hold.amountCents() || !hold.currency().equals(authorized.currency())) {
            // Not what the seats cost: nothing is sold, the charge is refunded and the seats go back.
            String why = "AMOUNT_MISMATCH: authorized " + authorized.amountCents() + " " + authorized.currency()
                    + ", the hold costs " + hold.amountCents() + " " + hold.currency();
            emit(new HoldSaleRefused(meta(authorized.meta()), hold.holdId(), hold.buyerId(), hold.sectionId(),
                    authorized.chargeId(), why));
            freeSeats(hold);
            end(hold, HoldStatus.RELEASED, null);
            emit(new HoldReleased(meta(authorized.meta()), hold.holdId(), hold.buyerId(), hold.sectionId(),
                    hold.seats(), why));
            return;
        }
        end(hold, HoldStatus.SOLD, authorized.chargeId());
        String key = Keys.section(hold.saleId(), hold.sectionId());
        putSection(key, sections.get(key).withSold(hold.seats().size()));
        emit(new HoldSold(meta(authorized.meta()), hold.holdId(), hold.buyerId(), hold.sectionId(), hold.seats(),
                hold.amountCents(), hold.currency(), authorized.chargeId()));
    }

    private void release(PaymentDeclined declined) {
        Hold hold = holds.get(declined.holdId());
        if (hold == null || !hold.status().live()) {
            return;
        }
        freeSeats(hold);
        end(hold, HoldStatus.RELEASED, null);
        emit(new HoldReleased(meta(declined.meta()), hold.holdId(), hold.buyerId(), hold.sectionId(), hold.seats(),
                "PAYMENT_DECLINED: " + declined.reason()));
    }

    private void expire(long nowMs) {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = expiry.range(InventoryStores.expiryKey(0, ""),
                InventoryStores.expiryUpperBound(nowMs))) {
            it.forEachRemaining(kv -> due.add(kv.value));
        }
        for (String holdId : due) {
            Hold hold = holds.get(holdId);
            if (hold != null && hold.status() == HoldStatus.ACTIVE && !paused(hold)) {
                expire(hold, nowMs);
            }
        }
    }

    private void expire(Hold hold, long nowMs) {
        freeSeats(hold);
        end(hold, HoldStatus.EXPIRED, null);
        EventMeta meta = EventMeta.of(hold.saleId(), hold.correlationId(), "hold-expiry:" + hold.holdId(),
                Instant.ofEpochMilli(nowMs));
        emit(new HoldExpired(meta, hold.holdId(), hold.buyerId(), hold.sectionId(), hold.seats()));
    }

    /** While its sale is paused a hold does not expire; on resume it is extended instead. */
    private boolean paused(Hold hold) {
        Section section = sections.get(Keys.section(hold.saleId(), hold.sectionId()));
        return section != null && section.sale().paused();
    }

    private void freeSeats(Hold hold) {
        String key = Keys.section(hold.saleId(), hold.sectionId());
        Section section = sections.get(key);
        putSection(key, section.withSeats(section.seats().release(section.indexes(hold.seats()))));
    }

    /** Ends a live hold: it leaves the expiry index and keeps its final status for idempotency. */
    private void end(Hold hold, HoldStatus status, String chargeId) {
        expiry.delete(InventoryStores.expiryKey(hold.expiresAtMs(), hold.holdId()));
        holds.put(hold.holdId(), hold.ended(status, chargeId));
    }

    private EventMeta meta(EventMeta cause) {
        return EventMeta.causedBy(cause, Instant.ofEpochMilli(now()));
    }

    private void emit(HoldEvent event) {
        context.forward(new Record<>(Keys.section(event.meta().saleId(), event.sectionId()), event,
                event.meta().occurredAt().toEpochMilli()));
    }

    /** Keyed by hold, like the checkout it answers. */
    private void answer(CheckoutAnswer answer) {
        context.forward(new Record<>(answer.holdId(), answer, answer.meta().occurredAt().toEpochMilli()));
    }

    private long now() {
        return context.currentSystemTimeMs();
    }
}
