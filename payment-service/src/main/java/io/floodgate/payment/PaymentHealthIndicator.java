package io.floodgate.payment;

import io.floodgate.platform.kafka.ConsumerLoop;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** DOWN if a consuming loop has stopped: a restart is needed, so this is a liveness check. */
@Singleton
@Liveness
public final class PaymentHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final PaymentService service;

    public PaymentHealthIndicator(PaymentService service) {
        this.service = service;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> loops = new LinkedHashMap<>();
        boolean up = !service.loops().isEmpty();
        for (ConsumerLoop<?> loop : service.loops()) {
            loops.put(loop.name(), loop.alive() ? "consuming" : "stopped");
            up &= loop.alive();
        }
        healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
        return loops;
    }

    @Override
    public String getName() {
        return "payment-loops";
    }
}
