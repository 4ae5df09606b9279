package io.floodgate.simulator.http;

import io.floodgate.simulator.Latency;
import io.floodgate.simulator.charges.Charge;
import io.floodgate.simulator.charges.ChargeAttempt;
import io.floodgate.simulator.charges.ChargeBook;
import io.floodgate.simulator.charges.IdempotencyConflict;
import io.floodgate.simulator.outage.Outage;
import io.floodgate.simulator.outage.OutageSchedule;
import io.floodgate.simulator.traffic.TrafficLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The provider's API, shaped like a real one: charges and refunds with an {@code Idempotency-Key}
 * header. A declined charge answers 402, an invalid payment method 400, a key whose first request
 * is still being answered 409 {@code idempotency_key_in_use}, a key reused for another charge 409
 * {@code idempotency_conflict}; while the provider is down, everything answers 503.
 */
@Controller("/v1/charges")
@ExecuteOn(TaskExecutors.BLOCKING) // answers are slow on purpose
public class ChargesController {
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ChargeBook book;
    private final OutageSchedule outages;
    private final TrafficLog traffic;
    private final Latency latency;
    private final Clock clock;

    public ChargesController(ChargeBook book, OutageSchedule outages, TrafficLog traffic, Latency latency,
                             Clock clock) {
        this.book = book;
        this.outages = outages;
        this.traffic = traffic;
        this.latency = latency;
        this.clock = clock;
    }

    @Post
    public HttpResponse<?> charge(@Header(IDEMPOTENCY_KEY) @Nullable String key, @Body ChargeBody body)
            throws InterruptedException {
        Optional<HttpResponse<?>> down = arrive(body.saleId());
        if (down.isPresent()) {
            return down.get();
        }
        if (key == null || key.isBlank()) {
            return ProviderError.respond(HttpStatus.BAD_REQUEST, "idempotency_key_missing",
                    "every charge needs an Idempotency-Key header");
        }
        if (body.saleId() == null || body.reference() == null || body.amountCents() == null || body.amountCents() < 0
                || body.currency() == null || body.paymentMethod() == null) {
            return ProviderError.respond(HttpStatus.BAD_REQUEST, "invalid_request",
                    "saleId, reference, amountCents (0 or more), currency and paymentMethod are required");
        }
        try {
            book.arrived(key);
        } catch (ChargeBook.KeyInFlight e) {
            return ProviderError.respond(HttpStatus.CONFLICT, "idempotency_key_in_use", e.getMessage());
        }
        HttpResponse<?> answer;
        try {
            ChargeBook.Recorded<Charge> recorded = book.charge(new ChargeAttempt(key, body.saleId(), body.reference(),
                    body.amountCents(), body.currency(), body.paymentMethod()));
            Charge charge = recorded.value();
            HttpStatus status = !charge.authorized() ? HttpStatus.PAYMENT_REQUIRED
                    : recorded.created() ? HttpStatus.CREATED : HttpStatus.OK;
            answer = HttpResponse.status(status).body(charge);
        } catch (IdempotencyConflict e) {
            answer = ProviderError.respond(HttpStatus.CONFLICT, "idempotency_conflict", e.getMessage());
        } catch (ChargeBook.InvalidPaymentMethod e) {
            answer = ProviderError.respond(HttpStatus.BAD_REQUEST, "invalid_payment_method", e.getMessage());
        }
        try {
            return slowly(answer);
        } finally {
            book.answered(key);
        }
    }

    @Post("/{chargeId}/refunds")
    public HttpResponse<?> refund(@PathVariable String chargeId, @Header(IDEMPOTENCY_KEY) @Nullable String key)
            throws InterruptedException {
        Optional<HttpResponse<?>> down = arrive(book.find(chargeId).map(Charge::saleId).orElse(null));
        if (down.isPresent()) {
            return down.get();
        }
        if (key == null || key.isBlank()) {
            return ProviderError.respond(HttpStatus.BAD_REQUEST, "idempotency_key_missing",
                    "every refund needs an Idempotency-Key header");
        }
        HttpResponse<?> answer;
        try {
            ChargeBook.Recorded<Charge> recorded = book.refund(chargeId, key);
            answer = HttpResponse.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(recorded.value());
        } catch (ChargeBook.UnknownCharge e) {
            answer = ProviderError.respond(HttpStatus.NOT_FOUND, "unknown_charge", e.getMessage());
        } catch (IdempotencyConflict e) {
            answer = ProviderError.respond(HttpStatus.CONFLICT, "idempotency_conflict", e.getMessage());
        }
        return slowly(answer);
    }

    /**
     * The provider's own record, for reconciliation: every charge of a sale, refunds included; or
     * the one charge made under an idempotency key.
     */
    @Get
    public List<Charge> charges(@QueryValue @Nullable String saleId, @QueryValue @Nullable String idempotencyKey) {
        if (idempotencyKey != null) {
            return book.byKey(idempotencyKey).stream().toList();
        }
        return book.charges(saleId);
    }

    @Get("/{chargeId}")
    public HttpResponse<?> find(@PathVariable String chargeId) {
        return book.find(chargeId).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> ProviderError.respond(HttpStatus.NOT_FOUND, "unknown_charge", "no charge " + chargeId));
    }

    /** Records the request; while the provider is down, its (slow) 503 answer. */
    private Optional<HttpResponse<?>> arrive(@Nullable String saleId) throws InterruptedException {
        long nanos = System.nanoTime();
        Instant now = clock.instant();
        Optional<Outage> outage = outages.at(now);
        traffic.record(new TrafficLog.Arrival(nanos, now, saleId, outage.isPresent()));
        if (outage.isEmpty()) {
            return Optional.empty();
        }
        Outage o = outage.get();
        return Optional.of(slowly(HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(Math.max(1, Duration.between(now, o.end()).toSeconds())))
                .body(new ProviderError("provider_unavailable", "the provider is down until " + o.end()))));
    }

    /**
     * The work is done (a charge recorded) before the delay, as at a real provider: a client that
     * gives up or dies while waiting has still been charged, which is what idempotency keys are for.
     */
    private HttpResponse<?> slowly(HttpResponse<?> answer) throws InterruptedException {
        Thread.sleep(latency.next().toMillis());
        return answer;
    }
}
