package io.floodgate.gateway.operator;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import org.reactivestreams.Publisher;

import java.security.Principal;

/**
 * The health of this instance in full, for operators. The public {@code /health} says only UP or
 * DOWN ({@code endpoints.health.details-visible: AUTHENTICATED}, and nobody is authenticated
 * there): its detail names the ledger's address and user and the disk's sizes.
 */
@Controller("/api/operator/health")
@ExecuteOn(OperatorController.EXECUTOR)
public class OperatorHealthController {
    private static final Principal OPERATOR = () -> "operator";

    private final HealthEndpoint health;

    public OperatorHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @Operation(summary = "Every health indicator of this instance, with its detail (operators)")
    @Get
    public Publisher<HealthResult> health() {
        return health.getHealth(OPERATOR);
    }
}
