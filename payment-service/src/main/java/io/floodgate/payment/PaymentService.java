package io.floodgate.payment;

import io.floodgate.contracts.ConsumerGroups;
import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.checkoutanswer.CheckoutAccepted;
import io.floodgate.contracts.checkoutanswer.CheckoutAnswer;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldSaleRefused;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.payment.calls.ChargeCall;
import io.floodgate.payment.calls.PacedCaller;
import io.floodgate.payment.calls.ProviderCall;
import io.floodgate.payment.calls.RefundCall;
import io.floodgate.payment.ledger.OrderLedger;
import io.floodgate.payment.loop.PaymentBatches;
import io.floodgate.payment.metrics.PaymentMetrics;
import io.floodgate.payment.pacing.Pacer;
import io.floodgate.payment.pacing.SaleRates;
import io.floodgate.payment.pacing.Shares;
import io.floodgate.payment.provider.PaymentProvider;
import io.floodgate.payment.resilience.Backoff;
import io.floodgate.payment.resilience.CircuitBreaker;
import io.floodgate.payment.status.ProviderStatusPublisher;
import io.floodgate.platform.deadletter.DeadLetters;
import io.floodgate.platform.kafka.ConsumerLoop;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.TopicProvisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's consumers: checkouts inventory accepted -> charges -> payment outcomes; refused sales -> refunds;
 * sold holds -> the orders ledger; and sales, for their own payment rates. Charges and refunds share one pace and one circuit
 * breaker, because both are requests the provider has to absorb.
 */
@Singleton
public final class PaymentService implements ApplicationEventListener<StartupEvent> {
    private final KafkaClients clients;
    private final TopicProvisioner provisioner;
    private final PaymentProvider provider;
    private final OrderLedger ledger;
    private final PaymentSettings settings;
    private final MeterRegistry registry;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ConsumerLoop<?>> loops = new ArrayList<>();

    public PaymentService(KafkaClients clients, TopicProvisioner provisioner, PaymentProvider provider,
                          OrderLedger ledger, PaymentSettings settings, MeterRegistry registry, Clock clock,
                          DeadLetters deadLetters) {
        this.clients = clients;
        this.provisioner = provisioner;
        this.provider = provider;
        this.ledger = ledger;
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        provisioner.provision(List.of(Topics.SALES, Topics.CHECKOUT_ANSWERS, Topics.PAYMENTS, Topics.HOLDS, Topics.PAYMENT_PROVIDER,
                Topics.DEAD_LETTERS));
        KafkaProducer<String, Event> producer = clients.producer("payment-service");
        running.add(producer);
        // Two loops (charges, refunds) may each have max-in-flight calls waiting: a thread for each.
        ExecutorService calls = Executors.newFixedThreadPool(2 * settings.maxInFlight(),
                daemonThreads("provider-call-"));
        running.add(calls::shutdownNow);

        Pacer pacer = new Pacer(clock, settings.ratePerMinute(), settings.pacingMargin());
        SaleRates saleRates = new SaleRates(clock, settings.pacingMargin());
        // Known sales' own rates before the first charge; new sales' as they are created.
        KafkaConsumer<String, Event> sales = clients.viewConsumer("payment-sale-rates", List.of(Topics.SALES));
        ConsumerLoop.readWholly(sales, List.of(Topics.SALES));
        ConsumerLoop.catchUp(sales, deadLetters.reader("sale-rates"), r -> saleRates.apply(r.value()));
        running.add(new ConsumerLoop<>("sale-rates", sales, c -> { },
                records -> records.forEach(r -> saleRates.apply(r.value())), false, deadLetters).start());
        CircuitBreaker circuit = new CircuitBreaker(clock, settings.failureThreshold(), settings.openFor(),
                settings.maxOpenFor(), new ProviderStatusPublisher(provider.name(), settings.ratePerMinute(),
                producer, clock));
        PaymentMetrics metrics = new PaymentMetrics(registry, provider.name(),
                () -> circuit.state() != CircuitBreaker.State.CLOSED);
        PacedCaller caller = new PacedCaller(provider, pacer, saleRates, circuit,
                new Backoff(settings.retryBackoff(), settings.maxRetryBackoff(), ThreadLocalRandom.current()::nextDouble),
                calls, settings.maxInFlight(), settings.maxFailuresAlone(), clock, metrics);
        Shares shares = new Shares(pacer, saleRates, ConsumerGroups.PAYMENTS);

        Map<String, Object> batch = Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        KafkaConsumer<String, CheckoutAnswer> checkouts = clients.groupConsumer(ConsumerGroups.PAYMENTS,
                Topics.CHECKOUT_ANSWERS, batch);
        running.add(bind(new KafkaClientMetrics(checkouts)));
        PaymentBatches<CheckoutAnswer> charges = new PaymentBatches<>(checkouts, Topics.CHECKOUT_ANSWERS,
                PaymentService::charge, caller, producer, (mine, total) -> shares.owned(ConsumerGroups.PAYMENTS, mine,
                total));
        loops.add(new ConsumerLoop<>("checkouts", checkouts, charges::subscribe, charges, true, deadLetters).start());
        // Most hold events are not refunds: read many at a time, or a busy sale's events would outrun it.
        KafkaConsumer<String, HoldEvent> refused = clients.groupConsumer(ConsumerGroups.REFUNDS, Topics.HOLDS,
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000));
        running.add(bind(new KafkaClientMetrics(refused)));
        PaymentBatches<HoldEvent> refunds = new PaymentBatches<>(refused, Topics.HOLDS, PaymentService::refund, caller,
                producer, (mine, total) -> shares.owned(ConsumerGroups.REFUNDS, mine, total));
        loops.add(new ConsumerLoop<>("refunds", refused, refunds::subscribe, refunds, true, deadLetters).start());
        KafkaConsumer<String, HoldEvent> sold = clients.groupConsumer(ConsumerGroups.ORDERS_LEDGER, Topics.HOLDS, Map.of());
        running.add(bind(new KafkaClientMetrics(sold)));
        loops.add(new ConsumerLoop<>("orders-ledger", sold, c -> c.subscribe(List.of(Topics.HOLDS.name())),
                this::recordOrders, true, deadLetters).start());
        running.addAll(loops);
    }

    /** The consuming loops; each must be alive for the service to be healthy. */
    public List<ConsumerLoop<?>> loops() {
        return List.copyOf(loops);
    }

    /** Only holds inventory has accepted into payment are charged: it alone knows whether a hold is still live. */
    private static Optional<ProviderCall> charge(CheckoutAnswer event) {
        return event instanceof CheckoutAccepted accepted ? Optional.of(new ChargeCall(accepted)) : Optional.empty();
    }

    private static Optional<ProviderCall> refund(HoldEvent event) {
        return event instanceof HoldSaleRefused refused && refused.chargeId() != null
                ? Optional.of(new RefundCall(refused)) : Optional.empty();
    }

    private void recordOrders(ConsumerRecords<String, HoldEvent> records) throws Exception {
        for (ConsumerRecord<String, HoldEvent> record : records) {
            if (record.value() instanceof HoldSold sold) {
                ledger.record(sold);
            }
        }
    }

    private AutoCloseable bind(KafkaClientMetrics metrics) {
        metrics.bindTo(registry);
        return metrics;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @PreDestroy
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }
}
