package io.floodgate.gateway.view;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Down until the view has caught up, and down again if it stops following the topics: an instance
 * that does not know the sales, or no longer learns what happens to them, must not serve buyers.
 */
@Singleton
public final class ViewHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final ViewFeed feed;

    public ViewHealthIndicator(ViewFeed feed) {
        this.feed = feed;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean caughtUp = feed.caughtUp();
        boolean following = feed.following();
        healthStatus = caughtUp && following ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("caughtUp", caughtUp, "following", following);
    }

    @Override
    public String getName() {
        return "eventView";
    }
}
