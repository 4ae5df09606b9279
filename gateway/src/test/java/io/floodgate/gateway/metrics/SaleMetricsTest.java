package io.floodgate.gateway.metrics;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.gateway.view.GatewayView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaleMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T20:00:00Z");

    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final GatewayView view = new GatewayView(clock);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SaleMetrics metrics = new SaleMetrics(view, registry, clock);

    private void create(String saleId) {
        view.apply(new SaleCreated(EventMeta.of(saleId, "c", "c", now), "ops", new SaleConfig("Demo", NOW, "EUR", 10,
                100, Duration.ofMinutes(10), Duration.ofMinutes(10), 6, List.of(new SectionConfig("floor", "F", 1, 10,
                100)))));
    }

    private long metersOf(String saleId) {
        return registry.getMeters().stream().filter(m -> saleId.equals(m.getId().getTag("sale"))).count();
    }

    @Test
    void aClosedSaleLosesItsMetersOnceScrapersHadTimeToSeeItsFinalFigures() {
        create("ended");
        create("running");
        metrics.refresh();
        assertTrue(metersOf("ended") > 0);

        view.apply(new SaleClosed(EventMeta.of("ended", "c", "c", now), "ops", "done"));
        metrics.refresh();
        assertTrue(metersOf("ended") > 0, "closed just now: its final figures are still served");

        now = now.plus(SaleMetrics.FINAL_SCRAPES);
        metrics.refresh();
        assertEquals(0, metersOf("ended"));
        assertTrue(metersOf("running") > 0);
        assertEquals(Set.of("running"), metrics.withMeters());

        metrics.refresh();
        assertEquals(0, metersOf("ended"), "an ended sale does not get its meters back");
    }
}
