package io.floodgate.payment;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.hold.HoldEvent;
import io.floodgate.contracts.hold.HoldSold;
import io.floodgate.payment.checkout.CheckoutProcessor;
import io.floodgate.payment.ledger.OrderLedger;
import io.floodgate.payment.pacing.Pacer;
import io.floodgate.payment.provider.PaymentProvider;
import io.floodgate.platform.kafka.ConsumerLoop;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.TopicProvisioner;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service's two consumers: checkouts -> provider -> payment outcomes, and sold holds -> the
 * orders ledger. Both commit offsets only after their work is done.
 */
@Singleton
public final class PaymentService implements ApplicationEventListener<StartupEvent> {
    private final KafkaClients clients;
    private final TopicProvisioner provisioner;
    private final PaymentProvider provider;
    private final OrderLedger ledger;
    private final PaymentSettings settings;
    private final Clock clock;
    private final List<AutoCloseable> running = new ArrayList<>();

    public PaymentService(KafkaClients clients, TopicProvisioner provisioner, PaymentProvider provider,
                          OrderLedger ledger, PaymentSettings settings, Clock clock) {
        this.clients = clients;
        this.provisioner = provisioner;
        this.provider = provider;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        provisioner.provision(List.of(Topics.CHECKOUTS, Topics.PAYMENTS, Topics.HOLDS));
        KafkaProducer<String, Event> producer = clients.producer("payment-service");
        running.add(producer);
        CheckoutProcessor checkouts = new CheckoutProcessor(provider, new Pacer(clock, settings.ratePerMinute()),
                producer, clock);
        // Small batches: a batch is paced at the provider's rate and must finish within max.poll.interval.
        int batch = Math.max(1, settings.ratePerMinute() / 12);
        running.add(new ConsumerLoop<>("checkouts",
                clients.groupConsumer("floodgate-payments", Topics.CHECKOUTS,
                        Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batch)),
                c -> c.subscribe(List.of(Topics.CHECKOUTS.name())), checkouts::handle, true).start());
        running.add(new ConsumerLoop<>("orders-ledger",
                clients.groupConsumer("floodgate-orders-ledger", Topics.HOLDS, Map.of()),
                c -> c.subscribe(List.of(Topics.HOLDS.name())), this::recordOrders, true).start());
    }

    private void recordOrders(ConsumerRecords<String, HoldEvent> records) throws Exception {
        for (ConsumerRecord<String, HoldEvent> record : records) {
            if (record.value() instanceof HoldSold sold) {
                ledger.record(sold);
            }
        }
    }

    @PreDestroy
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }
}
