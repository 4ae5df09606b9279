package io.floodgate.gateway.view;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Keys;
import io.floodgate.contracts.availability.SectionAvailability;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldExpired;
import io.floodgate.contracts.hold.HoldExtended;
import io.floodgate.contracts.hold.HoldPlaced;
import io.floodgate.contracts.hold.HoldRejected;
import io.floodgate.contracts.hold.HoldReleased;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.contracts.line.LineSummary;
import io.floodgate.contracts.payment.PaymentRefunded;
import io.floodgate.contracts.provider.ProviderEvent;
import io.floodgate.contracts.queue.AccessCodesAdded;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.DrawCommitted;
import io.floodgate.contracts.queue.BuyerTurnedAway;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.gateway.buyer.BuyerState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What the gateway knows, built only from events: sales and their lines, and holds. It also
 * hands answers to requests waiting for them. Plain Java: fed by {@link ViewFeed} in service,
 * by hand in tests.
 */
@Singleton
public final class GatewayView {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayView.class);
    private static final int MAX_EARLY_EVENTS = 1_000_000;
    private static final String NO_BUYER = "";

    /** Events read before their sale's creation, applied once it is read. Only the view thread touches it. */
    private final Map<String, List<Event>> early = new HashMap<>();
    private final Map<String, SaleView> sales = new ConcurrentHashMap<>();
    private final Map<String, HoldView> holds = new ConcurrentHashMap<>();
    /** saleId/sectionId -> the section's latest published availability. */
    private final Map<String, SectionAvailability> availability = new ConcurrentHashMap<>();
    /** saleId -> buyerId -> the buyer's holds in the sale: their status considers them all. */
    private final Map<String, Map<String, Set<String>>> buyerHolds = new ConcurrentHashMap<>();
    /** Closed sales whose ended holds have not been forgotten yet. Only the view thread touches it. */
    private final Set<String> closedWithHolds = new HashSet<>();
    private final Waiters<String, QueueEvent> joins = new Waiters<>();
    private final Waiters<String, HoldView> holdAnswers = new Waiters<>();
    private final Waiters<String, SaleView> saleChanges = new Waiters<>();
    private final Waiters<String, AccessCodesAdded> accessCodesStored = new Waiters<>();
    /** Places given in the batch being applied; answered once the whole batch is in (see {@link #batchApplied}). */
    private final List<QueueEvent> answeredJoins = new ArrayList<>();
    private final PaymentLine paymentLine = new PaymentLine();
    private final Clock clock;
    private final Duration endedSaleHoldsKept;

    @Inject
    public GatewayView(Clock clock, ViewSettings settings) {
        this.clock = clock;
        this.endedSaleHoldsKept = settings.endedSaleHoldsKept();
    }

    /** With the default settings. */
    public GatewayView(Clock clock) {
        this(clock, new ViewSettings(Duration.ofHours(24)));
    }

    public Optional<SaleView> sale(String saleId) {
        return Optional.ofNullable(sales.get(saleId));
    }

    public Collection<SaleView> sales() {
        return sales.values();
    }

    public Optional<HoldView> hold(String holdId) {
        return Optional.ofNullable(holds.get(holdId)).map(this::presented);
    }

    public Optional<SectionAvailability> availability(String sectionKey) {
        return Optional.ofNullable(availability.get(sectionKey));
    }

    /** Every hold the view knows of this buyer in this sale, as they should see them now. */
    public List<HoldView> holdsOf(String saleId, String buyerId) {
        Set<String> ids = buyerHolds.getOrDefault(saleId, Map.of()).get(buyerId);
        return ids == null ? List.of() : ids.stream().map(holds::get).filter(Objects::nonNull).map(this::presented)
                .toList();
    }

    /** Holds kept, and buyers with holds kept: what the view's memory grows with. */
    int holdCount() {
        return holds.size();
    }

    int buyersWithHolds() {
        return buyerHolds.values().stream().mapToInt(Map::size).sum();
    }

    public PaymentLine paymentLine() {
        return paymentLine;
    }

    private HoldView presented(HoldView hold) {
        return hold.presentedWith(paymentLine, clock.instant());
    }

    /**
     * Join requests: keyed by {@link #joinKey}, answered by BuyerQueued or BuyerPreQueued; and keyed
     * by {@link #refusalKey}, answered by BuyerTurnedAway.
     */
    public Waiters<String, QueueEvent> joins() {
        return joins;
    }

    public Waiters<String, HoldView> holdAnswers() {
        return holdAnswers;
    }

    /** Operator actions, keyed by the event id of the sale event they published. */
    public Waiters<String, SaleView> saleChanges() {
        return saleChanges;
    }

    /** Access-code records (their event ids), answered by queue-service's AccessCodesAdded for each. */
    public Waiters<String, AccessCodesAdded> accessCodesStored() {
        return accessCodesStored;
    }

    public static String joinKey(String saleId, String buyerId) {
        return saleId + "/" + buyerId;
    }

    /**
     * A refusal answers only the arrival it refuses (its causation), not every join of that buyer:
     * a mistyped code in one tab must not turn away the right code in another.
     */
    public static String refusalKey(String arrivalId) {
        return "refusal:" + arrivalId;
    }

    /**
     * Applies one event. Topics are read side by side with no order between them, so an event of a
     * sale whose {@code SaleCreated} has not been read yet (on a replay, say) waits for it.
     */
    public void apply(Event event) {
        if (event instanceof ProviderEvent provider) { // about every sale at once
            paymentLine.apply(provider);
            return;
        }
        String saleId = event.meta().saleId();
        if (!(event instanceof SaleCreated) && !sales.containsKey(saleId)) {
            List<Event> waiting = early.computeIfAbsent(saleId, id -> new ArrayList<>());
            if (waiting.size() < MAX_EARLY_EVENTS) {
                waiting.add(event);
            } else if (waiting.size() == MAX_EARLY_EVENTS) {
                LOG.warn("more than {} events for sale {}, which was never created; ignoring the rest",
                        MAX_EARLY_EVENTS, saleId);
            }
            return;
        }
        applyKnown(event);
        if (event instanceof SaleCreated) {
            List<Event> waiting = early.remove(saleId);
            if (waiting != null) {
                waiting.forEach(this::applyKnown);
            }
        }
    }

    private void applyKnown(Event event) {
        if (event instanceof SectionAvailability section) {
            String saleId = section.meta().saleId();
            availability.put(Keys.section(saleId, section.sectionId()), section);
            sale(saleId).ifPresent(s -> s.soldAtLeast(s.config().sections().stream()
                    .map(c -> availability.get(Keys.section(saleId, c.id()))).filter(Objects::nonNull)
                    .mapToLong(SectionAvailability::sold).sum()));
            return;
        }
        if (event instanceof LineSummary line) {
            sale(line.meta().saleId()).ifPresent(s -> s.summarised(line));
            return;
        }
        if (event instanceof HoldEvent hold) {
            sale(hold.meta().saleId()).ifPresent(s -> s.count(hold));
        }
        if (event instanceof SaleCreated created) {
            SaleView sale = sales.computeIfAbsent(created.meta().saleId(), id -> new SaleView(SaleState.created(created)));
            saleChanges.complete(created.meta().eventId(), sale);
        } else if (event instanceof SaleEvent change) {
            sale(change.meta().saleId()).ifPresent(s -> {
                s.changed(s.state().apply(change));
                if (change instanceof SaleClosed && s.closedAt() == null) {
                    s.closed(change.meta().occurredAt());
                    closedWithHolds.add(s.saleId());
                }
                saleChanges.complete(change.meta().eventId(), s);
            });
        } else if (event instanceof LineOpened opened) {
            sale(opened.meta().saleId()).ifPresent(s -> {
                s.opened(opened.seed(), opened.preQueueSize());
                s.revealed(opened.seed(), opened.nonce());
            });
        } else if (event instanceof DrawCommitted committed) {
            sale(committed.meta().saleId()).ifPresent(s -> s.committed(committed.scheme(), committed.commitment()));
        } else if (event instanceof BuyerPreQueued preQueued) {
            sale(preQueued.meta().saleId()).ifPresent(s -> s.preQueued(preQueued.preQueueIndex()));
            answeredJoins.add(preQueued);
        } else if (event instanceof BuyerQueued queued) {
            sale(queued.meta().saleId()).ifPresent(s -> s.queued(queued.sequence()));
            answeredJoins.add(queued);
        } else if (event instanceof BuyerTurnedAway turnedAway) {
            answeredJoins.add(turnedAway);
        } else if (event instanceof AccessCodesAdded codes) {
            sale(codes.meta().saleId()).ifPresent(s -> s.accessCodesIssued(codes.issued()));
            accessCodesStored.complete(codes.meta().causationId(), codes);
        } else if (event instanceof BuyerAdmitted admitted) {
            sale(admitted.meta().saleId()).ifPresent(s -> s.admitted(admitted.sequence(), admitted.windowEndsAt(),
                    admitted.pausedBefore(), admitted.meta().occurredAt()));
            } else if (event instanceof HoldRequested requested) {
            record(requested, requested.holdId(), requested.buyerId(), requested.sectionId(), requested.quantity(),
                    h -> h);
        } else if (event instanceof HoldPlaced placed) {
            answer(record(placed, placed.holdId(), placed.buyerId(), placed.sectionId(), placed.seats().size(),
                    h -> h.placed(placed.seats(), placed.amountCents(), placed.currency(), placed.expiresAt())));
        } else if (event instanceof HoldRejected rejected) {
            answer(record(rejected, rejected.holdId(), rejected.buyerId(), rejected.sectionId(), rejected.quantity(),
                    h -> h.rejected(rejected.reason().name(), rejected.seatsAvailable(), rejected.alternative())));
        } else if (event instanceof CheckoutRequested checkout) {
            record(checkout, checkout.holdId(), checkout.buyerId(), checkout.sectionId(), 0, HoldView::withCheckout);
        } else if (event instanceof PaymentRefunded refunded) {
            record(refunded, refunded.holdId(), null, refunded.sectionId(), 0, h -> h.refunded(refunded.refundId()));
        } else if (event instanceof HoldSold sold) {
            ended(sold, HoldView.Ending.SOLD, null);
        } else if (event instanceof HoldExpired expired) {
            ended(expired, HoldView.Ending.EXPIRED, null);
        } else if (event instanceof HoldReleased released) {
            ended(released, HoldView.Ending.DECLINED, released.reason());
        } else if (event instanceof HoldSaleRefused refused) {
            ended(refused, HoldView.Ending.PAID_TOO_LATE, refused.reason());
        } else if (event instanceof HoldExtended extended) {
            record(extended, extended.holdId(), extended.buyerId(), extended.sectionId(), 0,
                    h -> h.expiringAt(extended.expiresAt()));
        }
    }

    private void ended(HoldEvent end, HoldView.Ending how, String why) {
        record(end, end.holdId(), end.buyerId(), end.sectionId(), 0, h -> h.ended(how, end.meta().occurredAt(), why));
    }

    /** The answer to a hold request, for the request waiting for it. */
    private void answer(HoldView answered) {
        holdAnswers.complete(answered.holdId(), answered);
    }

    /**
     * Records a fact about a hold. Any of its events may be read first (they travel on different
     * topics), so each fills in what it knows. A hold that enters payment takes a place in the
     * payment line; one that leaves it leaves the line then. A sale closed long enough ago keeps
     * only holds still in payment (see {@link ViewSettings}).
     */
    private HoldView record(Event event, String holdId, String buyerId, String sectionId, int quantity,
                            UnaryOperator<HoldView> change) {
        String saleId = event.meta().saleId();
        HoldView before = holds.get(holdId);
        HoldView after = change.apply((before != null ? before : HoldView.requested(holdId, saleId, null, null, 0))
                .of(buyerId, sectionId, quantity));
        boolean wasPaying = before != null && before.inPayment();
        if (!wasPaying && after.inPayment()) {
            after = after.inPaymentLine(paymentLine.join(holdId, event.meta().occurredAt()));
        } else if (wasPaying && !after.inPayment()) {
            paymentLine.finished(holdId, event.meta().occurredAt(), after.state() == BuyerState.PURCHASED);
        }
        if (!after.inPayment() && holdsForgotten(saleId)) {
            forget(after);
        } else {
            holds.put(holdId, after);
            buyerHolds.computeIfAbsent(saleId, id -> new ConcurrentHashMap<>())
                    .computeIfAbsent(indexed(after), id -> ConcurrentHashMap.newKeySet()).add(holdId);
        }
        return after;
    }

    /** Whether the sale closed more than {@link ViewSettings#endedSaleHoldsKept()} ago. */
    private boolean holdsForgotten(String saleId) {
        Instant closed = sale(saleId).map(SaleView::closedAt).orElse(null);
        return closed != null && !clock.instant().isBefore(closed.plus(endedSaleHoldsKept));
    }

    /** Holds are indexed by buyer; one whose buyer no event read so far names (a refund's) under {@link #NO_BUYER}. */
    private static String indexed(HoldView hold) {
        return hold.buyerId() != null ? hold.buyerId() : NO_BUYER;
    }

    private void forget(HoldView hold) {
        holds.remove(hold.holdId());
        Map<String, Set<String>> buyers = buyerHolds.get(hold.saleId());
        if (buyers == null) {
            return;
        }
        for (String buyer : hold.buyerId() == null ? List.of(NO_BUYER) : List.of(hold.buyerId(), NO_BUYER)) {
            Set<String> ids = buyers.get(buyer);
            if (ids != null && ids.remove(hold.holdId()) && ids.isEmpty()) {
                buyers.remove(buyer);
            }
        }
        if (buyers.isEmpty()) {
            buyerHolds.remove(hold.saleId());
        }
    }

    /** Forgets the ended holds of sales closed long enough ago; holds still in payment go when they end. */
    private void forgetEndedSales() {
        for (Iterator<String> it = closedWithHolds.iterator(); it.hasNext(); ) {
            String saleId = it.next();
            if (!holdsForgotten(saleId)) {
                continue;
            }
            it.remove();
            Map<String, Set<String>> buyers = buyerHolds.get(saleId);
            if (buyers != null) {
                buyers.values().stream().flatMap(Set::stream).map(holds::get).filter(Objects::nonNull)
                        .filter(h -> !h.inPayment()).toList().forEach(this::forget);
            }
        }
    }

    /**
     * Answers the joins whose places were in the batch just applied. Waiting for the batch's end
     * lets an admission that came with the place (a buyer passing straight through) be in the
     * view when the join is answered.
     */
    public void batchApplied() {
        for (QueueEvent answer : answeredJoins) {
            joins.complete(keyOf(answer), answer);
        }
        answeredJoins.clear();
        forgetEndedSales();
    }

    private static String keyOf(QueueEvent answer) {
        if (answer instanceof BuyerTurnedAway t) {
            return refusalKey(t.meta().causationId());
        }
        String buyerId = answer instanceof BuyerQueued q ? q.buyerId() : ((BuyerPreQueued) answer).buyerId();
        return joinKey(answer.meta().saleId(), buyerId);
    }
}
