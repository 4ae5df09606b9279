package io.floodgate.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "floodgate-gateway", version = "0.1",
        description = "Buyer and operator API of Floodgate: join a sale's line, read your status, hold seats, "
                + "check out, read your order; operators create sales."))
public final class GatewayApplication {
    private GatewayApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
