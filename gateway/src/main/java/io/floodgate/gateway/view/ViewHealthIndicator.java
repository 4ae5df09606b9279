package io.floodgate.gateway.view;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/** Down until the view has caught up: an instance that does not yet know the sales must not serve buyers. */
@Singleton
public final class ViewHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final ViewFeed feed;

    public ViewHealthIndicator(ViewFeed feed) {
        this.feed = feed;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = feed.caughtUp() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("caughtUp", feed.caughtUp());
    }

    @Override
    public String getName() {
        return "eventView";
    }
}
