package io.floodgate.contracts;

import io.floodgate.contracts.accesscode.AccessCodeEvent;
import io.floodgate.contracts.arrival.ArrivalEvent;
import io.floodgate.contracts.availability.AvailabilityEvent;
import io.floodgate.contracts.checkout.CheckoutEvent;
import io.floodgate.contracts.checkoutanswer.CheckoutAnswer;
import io.floodgate.contracts.deadletter.DeadLetterEvent;
import io.floodgate.contracts.hold.HoldCommand;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.line.LineEvent;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.contracts.provider.ProviderEvent;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.sale.SaleEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The topic catalogue. Every topic has the same partition count (configured once), because
 * services merge topics that share a key, which only works when they are co-partitioned.
 */
public final class Topics {
    private static final Map<String, String> KEEP_FOREVER = Map.of("cleanup.policy", "delete", "retention.ms", "-1");
    private static final Map<String, String> KEEP_30_DAYS = Map.of("cleanup.policy", "delete",
            "retention.ms", Long.toString(Duration.ofDays(30).toMillis()));

    public static final Topic<SaleEvent> SALES = new Topic<>("floodgate.sales", SaleEvent.class,
            "saleId", "gateway", KEEP_FOREVER);
    public static final Topic<ArrivalEvent> ARRIVALS = new Topic<>("floodgate.arrivals", ArrivalEvent.class,
            "saleId", "gateway", KEEP_30_DAYS);
    public static final Topic<QueueEvent> QUEUE = new Topic<>("floodgate.queue", QueueEvent.class,
            "saleId", "queue-service", KEEP_30_DAYS);
    public static final Topic<HoldCommand> HOLD_COMMANDS = new Topic<>("floodgate.hold-commands", HoldCommand.class,
            "saleId/sectionId", "gateway", KEEP_30_DAYS);
    public static final Topic<HoldEvent> HOLDS = new Topic<>("floodgate.holds", HoldEvent.class,
            "saleId/sectionId", "inventory-service", KEEP_30_DAYS);
    public static final Topic<CheckoutEvent> CHECKOUTS = new Topic<>("floodgate.checkouts", CheckoutEvent.class,
            "holdId", "gateway", KEEP_30_DAYS);
    public static final Topic<CheckoutAnswer> CHECKOUT_ANSWERS = new Topic<>("floodgate.checkout-answers",
            CheckoutAnswer.class, "holdId", "inventory-service", KEEP_30_DAYS);
    public static final Topic<PaymentEvent> PAYMENTS = new Topic<>("floodgate.payments", PaymentEvent.class,
            "holdId", "payment-service", KEEP_30_DAYS);
    public static final Topic<ProviderEvent> PAYMENT_PROVIDER = new Topic<>("floodgate.payment-provider",
            ProviderEvent.class, "provider", "payment-service", KEEP_30_DAYS);

    public static final Topic<AvailabilityEvent> AVAILABILITY = new Topic<>("floodgate.availability",
            AvailabilityEvent.class, "saleId/sectionId", "inventory-service", Map.of("cleanup.policy", "compact"));

    /**
     * Each sale's line in one record (the latest per sale is kept), so a reader that starts after the
     * 30 days of {@link #QUEUE} still knows every line: whether it opened and its draw, places given,
     * places admitted.
     */
    public static final Topic<LineEvent> LINES = new Topic<>("floodgate.lines", LineEvent.class, "saleId",
            "queue-service", Map.of("cleanup.policy", "compact"));

    /**
     * The hashes of invite-only sales' access codes, keyed by sale like {@link #ARRIVALS} (co-partitioned),
     * so queue-service checks an arrival's code in the task that owns the sale's line. Once read, the codes
     * live in queue-service's store (until the sale is cleaned up), so the topic keeps 30 days like the rest.
     */
    public static final Topic<AccessCodeEvent> ACCESS_CODES = new Topic<>("floodgate.access-codes",
            AccessCodeEvent.class, "saleId", "gateway", KEEP_30_DAYS);

    /** Records a reader could not read, each written by the reader that stepped over it: not part of a sale's log. */
    public static final Topic<DeadLetterEvent> DEAD_LETTERS = new Topic<>("floodgate.dead-letters",
            DeadLetterEvent.class, "the original record's topic", "every reader", KEEP_30_DAYS);

    public static final List<Topic<?>> ALL = List.of(SALES, ARRIVALS, QUEUE, HOLD_COMMANDS, HOLDS, CHECKOUTS,
            CHECKOUT_ANSWERS, PAYMENTS, PAYMENT_PROVIDER, AVAILABILITY, LINES, ACCESS_CODES, DEAD_LETTERS);

    private Topics() {
    }
}
