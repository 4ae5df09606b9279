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
import io.floodgate.contracts.payment.PaymentRefunded;
import io.floodgate.contracts.provider.ProviderEvent;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.LineOpened;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.gateway.buyer.BuyerState;
import jakarta.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Events read before their sale's creation, applied once it is read. Only the view thread touches it. */
    private final Map<String, List<Event>> early = new HashMap<>();
    private final Map<String, SaleView> sales = new ConcurrentHashMap<>();
    private final Map<String, HoldView> holds = new ConcurrentHashMap<>();
    /** saleId/sectionId -> the section's latest published availability. */
    private final Map<String, SectionAvailability> availability = new ConcurrentHashMap<>();
    /** saleId/buyerId -> the buyer's latest hold, so their status can say HOLDING, PAYING, PURCHASED. */
    private final Map<String, String> latestHolds = new ConcurrentHashMap<>();
    private final Waiters<String, QueueEvent> joins = new Waiters<>();
    private final Waiters<String, HoldView> holdAnswers = new Waiters<>();
    private final Waiters<String, SaleView> saleChanges = new Waiters<>();
    /** Places given in the batch being applied; answered once the whole batch is in (see {@link #batchApplied}). */
    private final List<QueueEvent> answeredJoins = new ArrayList<>();
    private final PaymentLine paymentLine = new PaymentLine();
    private final Clock clock;

    public GatewayView(Clock clock) {
        this.clock = clock;
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

    public Optional<HoldView> latestHold(String saleId, String buyerId) {
        return Optional.ofNullable(latestHolds.get(joinKey(saleId, buyerId))).map(holds::get).map(this::presented);
    }

    public PaymentLine paymentLine() {
        return paymentLine;
    }

    private HoldView presented(HoldView hold) {
        return hold.presentedWith(paymentLine, clock.instant());
    }

    /** Join requests, keyed by {@link #joinKey}, answered by BuyerQueued or BuyerPreQueued. */
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

    public static String joinKey(String saleId, String buyerId) {
        return saleId + "/" + buyerId;
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
            availability.put(Keys.section(section.meta().saleId(), section.sectionId()), section);
            return;
        }
        if (event instanceof HoldEvent hold) {
            sale(hold.meta().saleId()).ifPresent(s -> s.stockChanged(s.stock().apply(hold)));
        }
        if (event instanceof SaleCreated created) {
            SaleView sale = sales.computeIfAbsent(created.meta().saleId(), id -> new SaleView(SaleState.created(created)));
            saleChanges.complete(created.meta().eventId(), sale);
        } else if (event instanceof SaleEvent change) {
            sale(change.meta().saleId()).ifPresent(s -> {
                s.changed(s.state().apply(change));
                saleChanges.complete(change.meta().eventId(), s);
            });
        } else if (event instanceof LineOpened opened) {
            sale(opened.meta().saleId()).ifPresent(s -> s.opened(opened.seed(), opened.preQueueSize()));
        } else if (event instanceof BuyerPreQueued preQueued) {
            sale(preQueued.meta().saleId()).ifPresent(s -> s.preQueued(preQueued.preQueueIndex()));
            answeredJoins.add(preQueued);
        } else if (event instanceof BuyerQueued queued) {
            sale(queued.meta().saleId()).ifPresent(s -> s.queued(queued.sequence()));
            answeredJoins.add(queued);
        } else if (event instanceof BuyerAdmitted admitted) {
            sale(admitted.meta().saleId()).ifPresent(s -> s.admitted(admitted.sequence(), admitted.windowEndsAt(),
                    admitted.pausedBefore(), admitted.meta().occurredAt()));
        } else if (event instanceof HoldRequested requested) {
            holds.putIfAbsent(requested.holdId(), HoldView.requested(requested.holdId(), requested.meta().saleId(),
                    requested.buyerId(), requested.sectionId(), requested.quantity()));
            latestHolds.put(joinKey(requested.meta().saleId(), requested.buyerId()), requested.holdId());
        } else if (event instanceof HoldPlaced placed) {
            answer(placed, placed.seats().size(), h -> h.placed(placed.seats(), placed.amountCents(),
                    placed.currency(), placed.expiresAt()));
        } else if (event instanceof HoldRejected rejected) {
            answer(rejected, rejected.quantity(), h -> h.rejected(rejected.reason().name(), rejected.seatsAvailable(),
                    rejected.alternative()));
        } else if (event instanceof CheckoutRequested checkout) {
            update(checkout, checkout.holdId(), h -> h.state() == BuyerState.HOLDING
                    ? h.paying(paymentLine.join(checkout.holdId(), checkout.meta().occurredAt())) : h);
        } else if (event instanceof PaymentRefunded refunded) {
            update(refunded, refunded.holdId(), h -> h.in(h.state(), "REFUNDED: " + refunded.refundId()));
        } else if (event instanceof HoldSold sold) {
            update(sold, sold.holdId(), h -> h.in(BuyerState.PURCHASED, null));
        } else if (event instanceof HoldExpired expired) {
            update(expired, expired.holdId(), h -> h.in(BuyerState.HOLD_EXPIRED, null));
        } else if (event instanceof HoldReleased released) {
            update(released, released.holdId(), h -> h.in(BuyerState.PAYMENT_DECLINED, released.reason()));
        } else if (event instanceof HoldExtended extended) {
            update(extended, extended.holdId(), h -> h.expiringAt(extended.expiresAt()));
        } else if (event instanceof HoldSaleRefused refused) {
            update(refused, refused.holdId(), h -> h.in(BuyerState.HOLD_ENDED_BEFORE_PAYMENT, refused.reason()));
        }
    }

    /**
     * The answer to a hold request. It may be read before the request itself (they travel on
     * different topics), so it carries enough to stand alone.
     */
    private void answer(HoldEvent answer, int quantity, UnaryOperator<HoldView> change) {
        HoldView updated = holds.compute(answer.holdId(), (id, h) -> change.apply(h != null ? h
                : HoldView.requested(id, answer.meta().saleId(), answer.buyerId(), answer.sectionId(), quantity)));
        holdAnswers.complete(answer.holdId(), updated);
    }

    /**
     * Answers the joins whose places were in the batch just applied. Waiting for the batch's end
     * lets an admission that came with the place (a buyer passing straight through) be in the
     * view when the join is answered.
     */
    public void batchApplied() {
        for (QueueEvent place : answeredJoins) {
            String buyerId = place instanceof BuyerQueued q ? q.buyerId() : ((BuyerPreQueued) place).buyerId();
            joins.complete(joinKey(place.meta().saleId(), buyerId), place);
        }
        answeredJoins.clear();
    }

    /** Changes a hold after {@code event}; one that leaves payment leaves the payment line then. */
    private void update(Event event, String holdId, UnaryOperator<HoldView> change) {
        holds.computeIfPresent(holdId, (id, h) -> {
            HoldView changed = change.apply(h);
            if (h.state() == BuyerState.PAYING && changed.state() != BuyerState.PAYING) {
                paymentLine.finished(id, event.meta().occurredAt(), changed.state() == BuyerState.PURCHASED);
            }
            return changed;
        });
    }
}
