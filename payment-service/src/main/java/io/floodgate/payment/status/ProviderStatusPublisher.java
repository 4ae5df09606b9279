package io.floodgate.payment.status;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.provider.ProviderEvent;
import io.floodgate.contracts.provider.ProviderRecovered;
import io.floodgate.contracts.provider.ProviderUnavailable;
import io.floodgate.payment.resilience.CircuitBreaker;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Tells everyone (buyers, through the gateway) when the provider stops and starts answering. */
public final class ProviderStatusPublisher implements CircuitBreaker.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderStatusPublisher.class);

    private final String provider;
    private final int ratePerMinute;
    private final Producer<String, Event> producer;
    private final Clock clock;

    public ProviderStatusPublisher(String provider, int ratePerMinute, Producer<String, Event> producer, Clock clock) {
        this.provider = provider;
        this.ratePerMinute = ratePerMinute;
        this.producer = producer;
        this.clock = clock;
    }

    @Override
    public void opened(String reason, Instant since) {
        LOG.error("payment provider {} is unavailable since {}: {}; payments wait and are retried", provider, since,
                reason);
        publish(new ProviderUnavailable(meta("circuit:open"), provider, reason, since, ratePerMinute));
    }

    @Override
    public void closed(Duration unavailableFor) {
        if (unavailableFor.isZero()) {
            LOG.info("payment provider {} answers", provider);
        } else {
            LOG.warn("payment provider {} answers again after {}; payments resume in order", provider, unavailableFor);
        }
        publish(new ProviderRecovered(meta("circuit:closed"), provider, unavailableFor));
    }

    private EventMeta meta(String cause) {
        return EventMeta.of(EventMeta.ALL_SALES, "provider:" + provider, cause, clock.instant());
    }

    /** Not awaited: the buyer-facing state is a courtesy, and payments must not wait on it. */
    private void publish(ProviderEvent event) {
        producer.send(new ProducerRecord<>(Topics.PAYMENT_PROVIDER.name(), provider, event), (metadata, e) -> {
            if (e != null) {
                LOG.error("could not publish {} for provider {}", event.getClass().getSimpleName(), provider, e);
            }
        });
    }
}
