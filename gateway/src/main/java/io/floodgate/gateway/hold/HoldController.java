package io.floodgate.gateway.hold;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Keys;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.checkout.CheckoutRequested;
import io.floodgate.contracts.hold.Alternative;
import io.floodgate.contracts.hold.HoldRequested;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.gateway.GatewaySettings;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.auth.Credentials;
import io.floodgate.gateway.buyer.BuyerState;
import io.floodgate.gateway.buyer.BuyerStatuses;
import io.floodgate.gateway.publish.EventPublisher;
import io.floodgate.gateway.publish.Publishing;
import io.floodgate.gateway.tokens.AdmissionPass;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.HoldView;
import io.floodgate.gateway.view.SaleView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Holding seats and checking out. Changes need the admission token ({@code Authorization: Bearer});
 * reading a hold needs only the visitor ticket.
 */
@Controller("/api/sales/{saleId}/holds")
public class HoldController {
    private final GatewayView view;
    private final EventPublisher publisher;
    private final Tokens tokens;
    private final GatewaySettings settings;

    public HoldController(GatewayView view, EventPublisher publisher, Tokens tokens, GatewaySettings settings) {
        this.view = view;
        this.publisher = publisher;
        this.tokens = tokens;
        this.settings = settings;
    }

    @Operation(summary = "Hold seats in a section, any or by name (admitted buyers)")
    @Post
    public CompletableFuture<HttpResponse<HoldResponse>> hold(String saleId,
                                                              @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                              @Valid @Body HoldRequest request) {
        SaleView sale = requireSale(saleId);
        AdmissionPass pass = tokens.pass(Credentials.bearer(authorization), sale.state());
        List<String> seats = request.seats() == null ? List.of() : request.seats();
        if ((request.quantity() == null) == seats.isEmpty()) {
            throw ApiException.badRequest("BAD_REQUEST", "Give either a quantity or the seats you want, not both.");
        }
        return requestHold(sale, pass, request.sectionId(), seats.isEmpty() ? request.quantity() : seats.size(),
                seats);
    }

    /** Takes the offer a rejected hold came with, in one call: the same answers as holding seats. */
    @Operation(summary = "Accept the alternative offered with a rejected hold (admitted buyers)")
    @Post("/{holdId}/alternative")
    public CompletableFuture<HttpResponse<HoldResponse>> acceptAlternative(String saleId, String holdId,
                                                                           @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        SaleView sale = requireSale(saleId);
        AdmissionPass pass = tokens.pass(Credentials.bearer(authorization), sale.state());
        HoldView rejected = ownHold(saleId, holdId, pass.buyerId());
        Alternative offer = rejected.alternative();
        if (rejected.state() != BuyerState.HOLD_REJECTED || offer == null) {
            throw new ApiException(HttpStatus.CONFLICT, "NO_ALTERNATIVE", "This hold has no alternative to accept.");
        }
        return requestHold(sale, pass, offer.sectionId(), offer.quantity(), offer.seats());
    }

    /**
     * Asks inventory for seats and waits a bounded time for its answer: 201 HOLDING, 409
     * HOLD_REJECTED (with what is left and, maybe, an alternative), or 202 HOLD_PENDING to poll.
     */
    private CompletableFuture<HttpResponse<HoldResponse>> requestHold(SaleView sale, AdmissionPass pass,
                                                                      String sectionId, int quantity,
                                                                      List<String> seats) {
        String saleId = sale.saleId();
        requireOpenForShopping(sale);
        // A token extended by a hold is for checking that hold out, not for holding on past the window.
        if (sale.windowEnd(pass.sequence(), tokens.now()).filter(end -> tokens.now().isBefore(end)).isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "WINDOW_ENDED",
                    "Your shopping window has ended; seats you already hold can still be checked out.");
        }
        SectionConfig section = sale.config().section(sectionId).orElseThrow(() -> ApiException.notFound(
                "UNKNOWN_SECTION", "Sale '" + saleId + "' has no section '" + sectionId + "'."));
        // Right after a sale is created, inventory may not have set its seats up yet: say so, don't reject.
        if (view.availability(Keys.section(saleId, sectionId)).isEmpty()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SEATS_NOT_READY",
                    "The seats of this section are being set up; please retry in a moment.").retryAfter(1);
        }
        if (quantity > sale.config().perBuyerLimit()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "OVER_BUYER_LIMIT",
                    "This sale allows at most " + sale.config().perBuyerLimit() + " seats per buyer.");
        }
        if (section.generalAdmission() && !seats.isEmpty()) {
            throw ApiException.badRequest("GENERAL_ADMISSION", "Section '" + sectionId
                    + "' is general admission: ask for a quantity, not seats.");
        }
        List<String> unknown = seats.stream().filter(seat -> section.seatIndex(seat) < 0).toList();
        if (!unknown.isEmpty() || seats.stream().distinct().count() != seats.size()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_SEAT", "Section '" + sectionId
                    + "' has no seats " + unknown + ", or a seat is named twice.");
        }
        String holdId = EventMeta.newId();
        HoldRequested command = new HoldRequested(EventMeta.of(saleId, pass.correlationId(), EventMeta.newId(),
                tokens.now()), holdId, pass.buyerId(), section.id(), quantity, seats);
        HoldView pending = HoldView.requested(holdId, saleId, pass.buyerId(), section.id(), quantity);
        return Publishing.ask(view.holdAnswers(), holdId, settings.answerWait(),
                        () -> publisher.publish(Topics.HOLD_COMMANDS, Keys.section(saleId, section.id()), command))
                .thenApply(outcome -> {
                    HoldView hold = outcome.orElse(pending);
                    HttpStatus status = switch (hold.state()) {
                        case HOLDING -> HttpStatus.CREATED;
                        case HOLD_REJECTED -> HttpStatus.CONFLICT;
                        default -> HttpStatus.ACCEPTED;
                    };
                    return HttpResponse.<HoldResponse>status(status).body(HoldResponse.of(hold,
                            extended(sale, pass, hold)));
                });
    }

    @Operation(summary = "Your hold, from your visitor ticket")
    @Get("/{holdId}")
    public HoldResponse read(String saleId, String holdId,
                             @Nullable @Header(Credentials.TICKET_HEADER) String ticketHeader,
                             @Nullable @QueryValue String ticket) {
        VisitorTicket visitor = tokens.ticket(Credentials.either(ticketHeader, ticket), saleId);
        HoldView hold = ownHold(saleId, holdId, visitor.buyerId());
        // A hold first answered HOLD_PENDING never brought the token a 201 carries: the read hands it over,
        // so the buyer can check out whatever their window.
        String checkoutToken = hold.state() != BuyerState.HOLDING ? null : view.sale(saleId)
                .map(sale -> tokens.issue(BuyerStatuses.checkoutPass(sale, visitor, hold, tokens.now()))).orElse(null);
        return HoldResponse.of(hold, checkoutToken);
    }

    /**
     * Sends the hold to payment: 202 PAYING. Repeating it while paying changes nothing. A hold about
     * to expire is refused (409 HOLD_EXPIRING): inventory would refuse it anyway.
     */
    @Operation(summary = "Check out a hold (admitted buyers)")
    @Post("/{holdId}/checkout")
    public CompletableFuture<HttpResponse<HoldResponse>> checkout(String saleId, String holdId,
                                                                  @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                                  @Valid @Body CheckoutRequest request) {
        SaleView sale = requireSale(saleId);
        AdmissionPass pass = tokens.pass(Credentials.bearer(authorization), sale.state());
        HoldView hold = ownHold(saleId, holdId, pass.buyerId());
        requireOpenForShopping(sale);
        if (hold.state() == BuyerState.PAYING || hold.state() == BuyerState.PAYMENT_DELAYED) {
            return CompletableFuture.completedFuture(HttpResponse.accepted().body(HoldResponse.of(hold, null)));
        }
        if (hold.state() != BuyerState.HOLDING) {
            throw new ApiException(HttpStatus.CONFLICT, "NOT_HOLDING",
                    "This hold is " + hold.state() + ": " + hold.state().meaning() + " " + hold.state().next());
        }
        if (!hold.outlives(tokens.now(), settings.minCheckoutTime())) {
            throw new ApiException(HttpStatus.CONFLICT, "HOLD_EXPIRING", "This hold expires in less than "
                    + settings.minCheckoutTime().toSeconds() + " s, too soon to be paid for; its seats will be "
                    + "released. Hold seats again if your shopping window is still open.");
        }
        CheckoutRequested checkout = new CheckoutRequested(EventMeta.of(saleId, pass.correlationId(),
                EventMeta.newId(), tokens.now()), holdId, hold.buyerId(), hold.sectionId(), hold.amountCents(),
                hold.currency(), request.paymentMethod());
        return Publishing.attempt(() -> publisher.publish(Topics.CHECKOUTS, holdId, checkout))
                .thenApply(ack -> HttpResponse.accepted().body(HoldResponse.of(hold.withCheckout(), null)));
    }

    /** While a sale is paused nothing moves, and once closed nothing more is sold. */
    private static void requireOpenForShopping(SaleView sale) {
        if (sale.state().closed()) {
            throw new ApiException(HttpStatus.CONFLICT, "SALE_CLOSED", "The sale is closed.");
        }
        if (sale.state().paused()) {
            throw new ApiException(HttpStatus.CONFLICT, "SALE_PAUSED",
                    "The sale is paused; your seats and time are kept. Try again when it resumes.");
        }
    }

    private SaleView requireSale(String saleId) {
        return view.sale(saleId).orElseThrow(() -> ApiException.unknownSale(saleId));
    }

    private HoldView ownHold(String saleId, String holdId, String buyerId) {
        HoldView hold = view.hold(holdId).filter(h -> h.saleId().equals(saleId))
                .orElseThrow(() -> ApiException.notFound("UNKNOWN_HOLD", "There is no hold '" + holdId + "'."));
        if (!hold.buyerId().equals(buyerId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_YOUR_HOLD", "This hold belongs to another buyer.");
        }
        return hold;
    }

    /** A token that lasts until the hold expires, so the buyer can check out whatever their window. */
    private String extended(SaleView sale, AdmissionPass pass, HoldView hold) {
        Duration paused = sale.state().pausedUntil(tokens.now());
        if (hold.state() != BuyerState.HOLDING || !hold.expiresAt().isAfter(pass.expiresAt(paused))) {
            return null;
        }
        return tokens.issue(new AdmissionPass(pass.saleId(), pass.buyerId(), pass.sequence(), pass.correlationId(),
                hold.expiresAt(), paused));
    }
}
