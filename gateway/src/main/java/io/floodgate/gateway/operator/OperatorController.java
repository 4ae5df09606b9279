package io.floodgate.gateway.operator;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.sale.AdmissionRateChanged;
import io.floodgate.contracts.sale.ProofOfWorkChanged;
import io.floodgate.contracts.sale.QueueMessagePosted;
import io.floodgate.contracts.sale.SaleClosed;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SaleLimits;
import io.floodgate.contracts.sale.SalePaused;
import io.floodgate.contracts.sale.SaleResumed;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.gateway.GatewaySettings;
import io.floodgate.gateway.api.ApiError;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.auth.Operator;
import io.floodgate.gateway.buyer.SaleInfo;
import io.floodgate.gateway.publish.EventPublisher;
import io.floodgate.gateway.publish.Publishing;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.SaleView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What operators do. Every call needs an operator credential, and every action the operator role
 * ({@link io.floodgate.gateway.auth.OperatorFilter}); every action is an event naming who did it:
 * the name of the credential, never anything the caller writes.
 */
@Controller("/api/operator/sales")
@ExecuteOn(OperatorController.EXECUTOR)
public class OperatorController {
    /** Operators' own threads: their calls never queue behind buyer traffic. */
    static final String EXECUTOR = "operator";

    private static final Duration DEFAULT_HOLD = Duration.ofMinutes(10);
    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private final GatewayView view;
    private final EventPublisher publisher;
    private final Tokens tokens;
    private final GatewaySettings settings;

    public OperatorController(GatewayView view, EventPublisher publisher, Tokens tokens, GatewaySettings settings) {
        this.view = view;
        this.publisher = publisher;
        this.tokens = tokens;
        this.settings = settings;
    }

    /**
     * Creates a sale: 201 once this instance's view knows it, 202 if that takes longer than the
     * bound. Creating it again with the same settings is answered 201 as the first time, and
     * records nothing; other settings under an existing id are 409 SALE_EXISTS. Two creates racing
     * (on one instance or several) both publish, and every reader keeps the first {@code SaleCreated}
     * of a sale in the log: each request then compares its settings with the sale that won.
     */
    @Operation(summary = "Create a sale (operators)")
    @Post
    public CompletableFuture<HttpResponse<Object>> create(
            @RequestAttribute(Operator.ATTRIBUTE) Operator operator,
            @Valid @Body CreateSaleRequest request) {
        Optional<SaleView> existing = view.sale(request.saleId());
        if (existing.isPresent()) {
            return CompletableFuture.completedFuture(createdAs(existing.get(), request));
        }
        SaleCreated created = new SaleCreated(meta(request.saleId()), operator.name(),
                config(request, tokens.now()));
        return Publishing.ask(view.saleChanges(), created.meta().eventId(), settings.answerWait(),
                        () -> publisher.publish(Topics.SALES, request.saleId(), created))
                .thenApply(sale -> sale.map(s -> createdAs(s, request)).orElseGet(HttpResponse::accepted));
    }

    /** 201 with the sale if it is the one {@code request} asks for; otherwise 409. */
    private HttpResponse<Object> createdAs(SaleView sale, CreateSaleRequest request) {
        // Without opensAt a request means "now", which the sale already fixed.
        if (!config(request, sale.config().opensAt()).equals(sale.config())) {
            throw new ApiException(HttpStatus.CONFLICT, "SALE_EXISTS", "Sale '" + request.saleId()
                    + "' exists already, with other settings.");
        }
        return HttpResponse.status(HttpStatus.CREATED).body(SaleInfo.of(sale, tokens.now()));
    }

    @Operation(summary = "Pause a sale: places are kept and no window or hold runs out until it resumes")
    @Post("/{saleId}/pause")
    public CompletableFuture<HttpResponse<Object>> pause(String saleId, @RequestAttribute(Operator.ATTRIBUTE)
            Operator operator, @Valid @Body OperatorNote note) {
        SaleState state = requireOpen(saleId);
        if (state.paused()) {
            throw new ApiException(HttpStatus.CONFLICT, "ALREADY_PAUSED", "Sale '" + saleId + "' is paused already.");
        }
        return record(new SalePaused(meta(saleId), operator.name(), note.reason()), HttpStatus.OK);
    }

    @Operation(summary = "Resume a paused sale")
    @Post("/{saleId}/resume")
    public CompletableFuture<HttpResponse<Object>> resume(String saleId, @RequestAttribute(Operator.ATTRIBUTE)
            Operator operator, @Valid @Body OperatorNote note) {
        if (!requireOpen(saleId).paused()) {
            throw new ApiException(HttpStatus.CONFLICT, "NOT_PAUSED", "Sale '" + saleId + "' is not paused.");
        }
        return record(new SaleResumed(meta(saleId), operator.name(), note.reason()), HttpStatus.OK);
    }

    @Operation(summary = "Close a sale for good")
    @Post("/{saleId}/close")
    public CompletableFuture<HttpResponse<Object>> close(String saleId, @RequestAttribute(Operator.ATTRIBUTE)
            Operator operator, @Valid @Body OperatorNote note) {
        requireOpen(saleId);
        return record(new SaleClosed(meta(saleId), operator.name(), note.reason()), HttpStatus.OK);
    }

    @Operation(summary = "Change the admission rate, live")
    @Post("/{saleId}/rate")
    public CompletableFuture<HttpResponse<Object>> rate(String saleId, @RequestAttribute(Operator.ATTRIBUTE)
            Operator operator, @Valid @Body RateChange change) {
        requireOpen(saleId);
        return record(new AdmissionRateChanged(meta(saleId), operator.name(), change.reason(),
                change.admissionRatePerSecond()), HttpStatus.OK);
    }

    @Operation(summary = "Post a message every buyer in the sale sees (empty clears it)")
    @Post("/{saleId}/message")
    public CompletableFuture<HttpResponse<Object>> message(String saleId, @RequestAttribute(Operator.ATTRIBUTE)
            Operator operator, @Valid @Body Broadcast broadcast) {
        requireOpen(saleId);
        return record(new QueueMessagePosted(meta(saleId), operator.name(), broadcast.message()), HttpStatus.OK);
    }

    @Operation(summary = "Require a proof of work on joining, or not, and set its difficulty, live")
    @Put("/{saleId}/proof-of-work")
    public CompletableFuture<HttpResponse<Object>> proofOfWork(String saleId, @RequestAttribute(Operator.ATTRIBUTE)
            Operator operator, @Valid @Body ProofOfWorkChange change) {
        requireOpen(saleId);
        return record(new ProofOfWorkChanged(meta(saleId), operator.name(), change.reason(), change.required(),
                change.maxNumberOrDefault()), HttpStatus.OK);
    }

    /** Publishes the action and answers once this instance's view shows it; 202 if that takes longer. */
    private CompletableFuture<HttpResponse<Object>> record(SaleEvent action, HttpStatus done) {
        return Publishing.ask(view.saleChanges(), action.meta().eventId(), settings.answerWait(),
                        () -> publisher.publish(Topics.SALES, action.meta().saleId(), action))
                .thenApply(sale -> sale.<HttpResponse<Object>>map(s -> action instanceof SalePaused && s.state().closed()
                                ? refusedAfterClose(s.state().saleId())
                                : HttpResponse.status(done).body(SaleInfo.of(s, tokens.now())))
                        .orElseGet(HttpResponse::accepted));
    }

    /** Another operator's close was recorded first: the sale state refuses the pause (SaleState#apply). */
    private static HttpResponse<Object> refusedAfterClose(String saleId) {
        ApiError error = new ApiException(HttpStatus.CONFLICT, "SALE_CLOSED",
                "Sale '" + saleId + "' closed before the pause was recorded; the pause changed nothing.").toError();
        return HttpResponse.status(HttpStatus.CONFLICT).body(error);
    }

    private SaleState requireOpen(String saleId) {
        SaleState state = view.sale(saleId).orElseThrow(() -> ApiException.unknownSale(saleId)).state();
        ApiException.refuseIfClosed(state);
        return state;
    }

    private EventMeta meta(String saleId) {
        return EventMeta.of(saleId, "sale:" + saleId, EventMeta.newId(), tokens.now());
    }

    private static SaleConfig config(CreateSaleRequest request, Instant now) {
        Set<String> ids = new HashSet<>();
        List<SectionConfig> sections = request.sections().stream().map(OperatorController::section).toList();
        for (SectionConfig s : sections) {
            if (!ids.add(s.id())) {
                throw ApiException.badRequest("DUPLICATE_SECTION", "Section id '" + s.id() + "' appears twice.");
            }
        }
        SaleConfig config = new SaleConfig(request.name(), opensAt(request.opensAt(), now), request.currency(),
                request.admissionRatePerSecond(), request.maxActiveShoppers(),
                seconds(request.admissionWindowSeconds(), DEFAULT_WINDOW), seconds(request.holdDurationSeconds(), DEFAULT_HOLD),
                request.perBuyerLimit(), sections, request.paymentRatePerMinute(),
                Boolean.TRUE.equals(request.inviteOnly()));
        List<String> overLimits = SaleLimits.violations(request.saleId(), config);
        if (!overLimits.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "SALE_TOO_LARGE", "The sale is over the limits of a sale "
                    + "(docs/api.md, \"Limits of a sale\"); details names each limit it breaks.", overLimits);
        }
        return config;
    }

    private static SectionConfig section(SectionRequest s) {
        boolean assigned = s.rows() != null && s.seatsPerRow() != null;
        if (assigned == (s.capacity() != null)) {
            throw ApiException.badRequest("SECTION_SHAPE", "Section '" + s.id() + "' needs either rows and "
                    + "seatsPerRow (assigned seats) or capacity (general admission).");
        }
        return assigned ? new SectionConfig(s.id(), s.name(), s.rows(), s.seatsPerRow(), s.priceCents())
                : SectionConfig.generalAdmission(s.id(), s.name(), s.capacity(), s.priceCents());
    }

    private static Instant opensAt(String text, Instant now) {
        if (text == null) {
            return now;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_OPENS_AT", "opensAt must be an ISO-8601 instant such as "
                    + "2026-12-01T10:00:00Z.");
        }
    }

    private static Duration seconds(Integer value, Duration fallback) {
        return Optional.ofNullable(value).map(Duration::ofSeconds).orElse(fallback);
    }
}
