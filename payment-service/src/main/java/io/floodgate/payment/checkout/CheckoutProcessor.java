package io.floodgate.payment.checkout;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.checkout.CheckoutEvent;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.contracts.payment.PaymentDeclined;
import io.floodgate.contracts.payment.PaymentEvent;
import io.floodgate.payment.pacing.Pacer;
import io.floodgate.payment.provider.ChargeRequest;
import io.floodgate.payment.provider.ChargeResult;
import io.floodgate.payment.provider.PaymentProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Clock;

/**
 * Charges each checkout at the provider's sustainable pace and publishes the outcome. The charge
 * carries an idempotency key derived from the hold, so a redelivered checkout (after a crash
 * between charging and publishing) asks the provider again and gets the same charge back.
 */
public final class CheckoutProcessor {
    private final PaymentProvider provider;
    private final Pacer pacer;
    private final Producer<String, Event> producer;
    private final Clock clock;

    public CheckoutProcessor(PaymentProvider provider, Pacer pacer, Producer<String, Event> producer, Clock clock) {
        this.provider = provider;
        this.pacer = pacer;
        this.producer = producer;
        this.clock = clock;
    }

    public static String idempotencyKey(String holdId) {
        return "floodgate-hold-" + holdId;
    }

    public void handle(ConsumerRecords<String, CheckoutEvent> records) throws Exception {
        for (ConsumerRecord<String, CheckoutEvent> record : records) {
            if (record.value() instanceof CheckoutRequested checkout) {
                pacer.acquire();
                PaymentEvent outcome = charge(checkout);
                producer.send(new ProducerRecord<>(Topics.PAYMENTS.name(), checkout.holdId(), outcome)).get();
            }
        }
    }

    private PaymentEvent charge(CheckoutRequested checkout) {
        ChargeResult result = provider.charge(new ChargeRequest(idempotencyKey(checkout.holdId()),
                checkout.amountCents(), checkout.currency(), checkout.paymentMethod()));
        EventMeta meta = EventMeta.causedBy(checkout.meta(), clock.instant());
        if (result instanceof ChargeResult.Authorized authorized) {
            return new PaymentAuthorized(meta, checkout.holdId(), checkout.sectionId(), authorized.chargeId(),
                    checkout.amountCents(), checkout.currency());
        }
        return new PaymentDeclined(meta, checkout.holdId(), checkout.sectionId(),
                ((ChargeResult.Declined) result).reason());
    }
}
