package io.floodgate.gateway.buyer;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.queue.BuyerPreQueued;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.gateway.GatewaySettings;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.auth.Credentials;
import io.floodgate.gateway.publish.EventPublisher;
import io.floodgate.gateway.publish.Publishing;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.SaleView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import java.util.concurrent.CompletableFuture;

/** Joining a sale's line and reading one's place in it. */
@Controller("/api/sales/{saleId}")
public class QueueController {
    private final GatewayView view;
    private final EventPublisher publisher;
    private final Tokens tokens;
    private final BuyerStatuses statuses;
    private final GatewaySettings settings;

    public QueueController(GatewayView view, EventPublisher publisher, Tokens tokens, BuyerStatuses statuses,
                           GatewaySettings settings) {
        this.view = view;
        this.publisher = publisher;
        this.tokens = tokens;
        this.statuses = statuses;
        this.settings = settings;
    }

    @Operation(summary = "The sale: sections, prices, and how long the line is")
    @Get
    public SaleInfo sale(String saleId) {
        return SaleInfo.of(requireSale(saleId), tokens.now());
    }

    /**
     * Takes a place in line. Answered once the arrival is durably in Kafka and queue-service has
     * given the place: 200 with the status and a visitor ticket. The same buyer joining again keeps
     * their place. If the place is not given within the bound, 202 JOINING: join again.
     */
    @Operation(summary = "Join the sale's line (idempotent per buyer)")
    @Post("/queue")
    public CompletableFuture<HttpResponse<BuyerStatus>> join(String saleId, @Valid @Body JoinRequest request) {
        SaleView sale = requireSale(saleId);
        if (sale.state().closed()) {
            throw new ApiException(HttpStatus.CONFLICT, "SALE_CLOSED", "Sale '" + saleId + "' is closed.");
        }
        BuyerArrived arrived = new BuyerArrived(
                EventMeta.of(saleId, EventMeta.newId(), EventMeta.newId(), tokens.now()), request.buyerId());
        return Publishing.ask(view.joins(), GatewayView.joinKey(saleId, request.buyerId()), settings.answerWait(),
                        () -> publisher.publish(Topics.ARRIVALS, saleId, arrived))
                .thenApply(queued -> queued.map(q -> HttpResponse.ok(placed(sale, q)))
                        .orElseGet(() -> HttpResponse.accepted().body(BuyerStatus.of(BuyerState.JOINING, saleId,
                                request.buyerId()).pollAfter(settings.answerWait().toMillis()))));
    }

    @Operation(summary = "Your place in line, from your visitor ticket")
    @Get("/status")
    public BuyerStatus status(String saleId, @Nullable @Header(Credentials.TICKET_HEADER) String ticketHeader,
                              @Nullable @QueryValue String ticket) {
        SaleView sale = requireSale(saleId);
        return statuses.of(sale, tokens.ticket(Credentials.either(ticketHeader, ticket), saleId));
    }

    private BuyerStatus placed(SaleView sale, QueueEvent place) {
        VisitorTicket ticket = place instanceof BuyerPreQueued pre
                ? new VisitorTicket(sale.saleId(), pre.buyerId(), 0, pre.preQueueIndex(), pre.meta().correlationId())
                : ticketFor(sale.saleId(), (BuyerQueued) place);
        return statuses.of(sale, ticket).withTicket(tokens.issue(ticket));
    }

    private static VisitorTicket ticketFor(String saleId, BuyerQueued queued) {
        return new VisitorTicket(saleId, queued.buyerId(), queued.sequence(), null, queued.meta().correlationId());
    }

    private SaleView requireSale(String saleId) {
        return view.sale(saleId).orElseThrow(() -> ApiException.unknownSale(saleId));
    }
}
