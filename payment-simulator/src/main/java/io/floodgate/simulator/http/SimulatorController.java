package io.floodgate.simulator.http;

import io.floodgate.simulator.Latency;
import io.floodgate.simulator.charges.Charge;
import io.floodgate.simulator.charges.ChargeBook;
import io.floodgate.simulator.charges.ChargeStatus;
import io.floodgate.simulator.outage.Outage;
import io.floodgate.simulator.outage.OutageSchedule;
import io.floodgate.simulator.traffic.TrafficLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Controls and figures for whoever runs the simulation: outages on demand, and what the provider saw. */
@Controller("/simulator")
public class SimulatorController {
    private final ChargeBook book;
    private final OutageSchedule outages;
    private final TrafficLog traffic;
    private final Latency latency;
    private final Clock clock;

    public SimulatorController(ChargeBook book, OutageSchedule outages, TrafficLog traffic, Latency latency,
                               Clock clock) {
        this.book = book;
        this.outages = outages;
        this.traffic = traffic;
        this.latency = latency;
        this.clock = clock;
    }

    @Get("/stats")
    public SimulatorStats stats(@QueryValue @Nullable String saleId) {
        List<Charge> charges = book.charges(saleId);
        return new SimulatorStats(traffic.stats(saleId),
                charges.stream().filter(c -> c.status() == ChargeStatus.AUTHORIZED).count(),
                charges.stream().filter(c -> c.status() == ChargeStatus.DECLINED).count(),
                charges.stream().filter(c -> c.refund() != null).count(),
                outages.at(clock.instant()).isPresent(), outages.all());
    }

    @Post("/outages")
    public HttpResponse<?> outage(@Body OutageRequest request) {
        if (request.durationSeconds() == null || request.durationSeconds() <= 0
                || (request.startsInSeconds() != null && request.startsInSeconds() < 0)) {
            return ProviderError.respond(HttpStatus.BAD_REQUEST, "invalid_request",
                    "durationSeconds must be positive and startsInSeconds, if given, 0 or more");
        }
        Instant start = clock.instant().plusSeconds(request.startsInSeconds() == null ? 0 : request.startsInSeconds());
        Outage outage = new Outage(start, start.plus(Duration.ofSeconds(request.durationSeconds())));
        outages.add(outage);
        return HttpResponse.created(outage);
    }

    /** Changes how long answers take, from now on. */
    @Put("/latency")
    public HttpResponse<?> latency(@Body LatencyRequest request) {
        if (request.latencyMs() == null || request.latencyMs() < 0 || (request.jitterMs() != null && request.jitterMs() < 0)) {
            return ProviderError.respond(HttpStatus.BAD_REQUEST, "invalid_request",
                    "latencyMs must be 0 or more, and jitterMs, if given, too");
        }
        latency.set(Duration.ofMillis(request.latencyMs()), Duration.ofMillis(request.jitterMs() == null ? 0
                : request.jitterMs()));
        return HttpResponse.ok(request);
    }

    /** Ends every outage at once. */
    @Delete("/outages")
    public HttpResponse<Void> recover() {
        outages.clear();
        return HttpResponse.noContent();
    }
}
