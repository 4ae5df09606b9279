package io.floodgate.gateway.buyer;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.queue.BuyerTurnedAway;
import io.floodgate.gateway.GatewaySettings;
import io.floodgate.gateway.accesscode.JoinAccess;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.auth.Credentials;
import io.floodgate.gateway.identity.BuyerIdentities;
import io.floodgate.gateway.identity.BuyerIdentity;
import io.floodgate.gateway.proofofwork.ProofOfWorkGate;
import io.floodgate.gateway.publish.EventPublisher;
import io.floodgate.gateway.publish.Publishing;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.SaleView;
import io.micronaut.core.annotation.Nullable;
import io.floodgate.gateway.limits.BuyerLimits;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** Joining a sale's line and reading one's place in it. */
@Controller("/api/sales/{saleId}")
public class QueueController {
    private static final Duration STREAM_CHECK = Duration.ofMillis(500);
    private static final long STREAM_KEEPALIVE_TICKS = 30;

    private final GatewayView view;
    private final EventPublisher publisher;
    private final Tokens tokens;
    private final BuyerStatuses statuses;
    private final GatewaySettings settings;
    private final BuyerLimits limits;
    private final StatusStreams streams;
    private final BuyerIdentities identities;
    private final ProofOfWorkGate proofOfWork;

    public QueueController(GatewayView view, EventPublisher publisher, Tokens tokens, BuyerStatuses statuses,
                           GatewaySettings settings, BuyerLimits limits, StatusStreams streams,
                           BuyerIdentities identities, ProofOfWorkGate proofOfWork) {
        this.identities = identities;
        this.proofOfWork = proofOfWork;
        this.limits = limits;
        this.streams = streams;
        this.view = view;
        this.publisher = publisher;
        this.tokens = tokens;
        this.statuses = statuses;
        this.settings = settings;
    }

    /**
     * The part of every buyer's status that is common to the sale. The same for everybody, so a CDN
     * may cache it for a second; see docs/waiting-room.md.
     */
    @Operation(summary = "The sale: phase, operator message, sections, prices, stock and the line's counters")
    @Get
    public HttpResponse<SaleInfo> sale(String saleId) {
        return HttpResponse.ok(SaleInfo.of(requireSale(saleId), tokens.now()))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=1");
    }

    /**
     * Takes a place in line for the buyer the credential names (BuyerIdentities): nothing is
     * published for a request without a valid one. Answered once the arrival is durably in Kafka
     * and queue-service has given the place: 200 with the status and a visitor ticket. The same
     * identity joining again keeps its place. If the place is not given within the bound, 202
     * JOINING: join again. An identity issued by this join comes back as a cookie and as
     * {@code identity}.
     */
    @Operation(summary = "Join the sale's line as the buyer your credential names (idempotent per buyer)")
    @Post("/queue")
    public CompletableFuture<HttpResponse<?>> join(HttpRequest<?> http, String saleId,
                                                   @Nullable @Valid @Body JoinRequest request,
                                                   @Nullable @Header(Credentials.TICKET_HEADER) String ticket) {
        JoinRequest.refuseNamedIdentity(request);
        SaleView sale = requireSale(saleId);
        limits.join(http);
        // joinAs runs inside a stage, so whatever it throws (a limit, a proof of work) still reaches exceptionally.
        return identities.identifyOffLoop(http).thenCompose(buyer -> CompletableFuture.completedFuture(buyer)
                .thenCompose(known -> joinAs(sale, known, request, ticket))
                .<HttpResponse<?>>thenApply(response -> identities.remember(
                        response.body(response.body().withIdentity(identities.handedBack(buyer, http))), buyer, http))
                .exceptionally(failure -> identities.refusal(failure, buyer, http)));
    }

    private CompletableFuture<MutableHttpResponse<BuyerStatus>> joinAs(SaleView sale, BuyerIdentity buyer,
                                                                      @Nullable JoinRequest request,
                                                                      @Nullable String ticket) {
        String saleId = sale.saleId();
        limits.join(saleId, buyer.buyerId());
        ApiException.refuseIfClosed(sale.state());
        // The code is checked first, so a join refused for its code does not spend its proof of work.
        String accessCodeHash = JoinAccess.hashFor(sale, JoinRequest.accessCodeOf(request));
        proofOfWork.admit(sale, buyer.buyerId(), JoinRequest.altchaOf(request), ticket);
        BuyerArrived arrived = new BuyerArrived(EventMeta.of(saleId, EventMeta.newId(), EventMeta.newId(), tokens.now()),
                buyer.buyerId(), accessCodeHash);
        return Publishing.ask(view.joins(), JoinAccess.answeredBy(sale, buyer.buyerId(), arrived), settings.answerWait(),
                        () -> publisher.publish(Topics.ARRIVALS, saleId, arrived))
                .thenApply(queued -> queued.map(q -> HttpResponse.ok(placed(sale, q)))
                        .orElseGet(() -> HttpResponse.accepted().body(BuyerStatus.of(BuyerState.JOINING, saleId,
                                buyer.buyerId()).pollAfter(settings.answerWait().toMillis()))));
    }

    @Operation(summary = "Your place in line, from your visitor ticket")
    @Get("/status")
    public BuyerStatus status(HttpRequest<?> http, String saleId,
                              @Nullable @Header(Credentials.TICKET_HEADER) String ticketHeader,
                              @Nullable @QueryValue String ticket) {
        SaleView sale = requireSale(saleId);
        VisitorTicket visitor = tokens.ticket(Credentials.either(ticketHeader, ticket), saleId);
        limits.status(http, saleId, visitor.buyerId());
        return statusOf(sale, visitor);
    }

    /**
     * The same states as a Server-Sent Events stream: an event whenever the status changes (and
     * at least every {@value #STREAM_KEEPALIVE_TICKS} checks, so proxies keep the connection),
     * ending with the first state after which nothing more happens, or when the same ticket opens
     * another stream.
     */
    @Operation(summary = "Your status as Server-Sent Events, from your visitor ticket")
    @Get(value = "/status/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<BuyerStatus>> statusStream(HttpRequest<?> http, String saleId,
                                                      @Nullable @Header(Credentials.TICKET_HEADER) String ticketHeader,
                                                      @Nullable @QueryValue String ticket) {
        SaleView sale = requireSale(saleId);
        VisitorTicket visitor = tokens.ticket(Credentials.either(ticketHeader, ticket), saleId);
        limits.status(http, saleId, visitor.buyerId());
        AtomicReference<BuyerStatus> last = new AtomicReference<>();
        return streams.follow(GatewayView.joinKey(saleId, visitor.buyerId()), Flux.interval(Duration.ZERO, STREAM_CHECK)
                .onBackpressureDrop()
                .map(tick -> Map.entry(tick, statusOf(sale, visitor)))
                .filter(t -> !t.getValue().equals(last.getAndSet(t.getValue())) || t.getKey() % STREAM_KEEPALIVE_TICKS == 0)
                .map(Map.Entry::getValue)
                .takeUntil(status -> status.state().terminal()))
                .map(status -> Event.of(status).name(status.state().name()));
    }

    private BuyerStatus statusOf(SaleView sale, VisitorTicket ticket) {
        return statuses.of(sale, ticket, new BuyerHolds(view.holdsOf(sale.saleId(), ticket.buyerId())));
    }

    private BuyerStatus placed(SaleView sale, QueueEvent place) {
        if (place instanceof BuyerTurnedAway turnedAway) {
            throw JoinAccess.refused(turnedAway);
        }
        VisitorTicket ticket = place instanceof BuyerPreQueued pre
                ? new VisitorTicket(sale.saleId(), pre.buyerId(), 0, pre.preQueueIndex(), pre.meta().correlationId())
                : ticketFor(sale.saleId(), (BuyerQueued) place);
        return statusOf(sale, ticket).withTicket(tokens.issue(ticket));
    }

    private static VisitorTicket ticketFor(String saleId, BuyerQueued queued) {
        return new VisitorTicket(saleId, queued.buyerId(), queued.sequence(), null, queued.meta().correlationId());
    }

    private SaleView requireSale(String saleId) {
        return view.sale(saleId).orElseThrow(() -> ApiException.unknownSale(saleId));
    }
}
