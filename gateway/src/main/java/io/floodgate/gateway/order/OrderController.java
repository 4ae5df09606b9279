package io.floodgate.gateway.order;

import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.auth.Credentials;
import io.floodgate.gateway.tokens.Tokens;
import io.floodgate.gateway.tokens.VisitorTicket;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Optional;

/** A buyer's confirmed order, from the ledger. */
@Controller("/api/sales/{saleId}/orders")
public class OrderController {
    private static final Logger LOG = LoggerFactory.getLogger(OrderController.class);

    private final OrderReader orders;
    private final Tokens tokens;

    public OrderController(OrderReader orders, Tokens tokens) {
        this.orders = orders;
        this.tokens = tokens;
    }

    @Operation(summary = "Your order (its id is your hold's id), from your visitor ticket")
    @Get("/{orderId}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public OrderResponse read(String saleId, String orderId,
                              @Nullable @Header(Credentials.TICKET_HEADER) String ticketHeader,
                              @Nullable @QueryValue String ticket) {
        VisitorTicket visitor = tokens.ticket(Credentials.either(ticketHeader, ticket), saleId);
        OrderResponse order = find(orderId).filter(o -> o.saleId().equals(saleId))
                .orElseThrow(() -> ApiException.notFound("UNKNOWN_ORDER", "There is no order '" + orderId + "'."));
        if (!order.buyerId().equals(visitor.buyerId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_YOUR_ORDER", "This order belongs to another buyer.");
        }
        return order;
    }

    /** The ledger unreachable is an explicit, retryable answer, not a hung or bare 500 request. */
    private Optional<OrderResponse> find(String orderId) {
        try {
            return orders.find(orderId);
        } catch (SQLException e) {
            LOG.warn("orders ledger unavailable: {}", e.toString());
            throw ApiException.unavailable();
        }
    }
}
