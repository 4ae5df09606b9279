package io.floodgate.gateway.buyer;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;

import java.util.Map;

/** Does nothing: lets clients check they reach the gateway, and benchmarks measure the server's own ceiling. */
@Controller("/api/ping")
public class PingController {
    private static final Map<String, Boolean> PONG = Map.of("ok", true);

    @Operation(summary = "A no-op: answers at once")
    @Get
    public Map<String, Boolean> ping() {
        return PONG;
    }
}
