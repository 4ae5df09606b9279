package io.floodgate.gateway.console;

import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.SaleView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** What the operators' console reads (operator token required, like all of /api/operator). */
@Controller("/api/operator/sales")
@ExecuteOn("operator")
public class ConsoleController {
    private final GatewayView view;
    private final ConsumerLag lag;
    private final Clock clock;

    public ConsoleController(GatewayView view, ConsumerLag lag, Clock clock) {
        this.view = view;
        this.lag = lag;
        this.clock = clock;
    }

    /** A sale as the console lists it. */
    public record SaleEntry(String saleId, String name, boolean paused, boolean closed) {
    }

    @Operation(summary = "Every sale (operators)")
    @Get
    public List<SaleEntry> sales() {
        return view.sales().stream().sorted(Comparator.comparing(SaleView::saleId))
                .map(s -> new SaleEntry(s.saleId(), s.config().name(), s.state().paused(), s.state().closed()))
                .toList();
    }

    @Operation(summary = "A sale's live figures for the console (operators)")
    @Get("/{saleId}/figures")
    public SaleFigures figures(String saleId) {
        SaleView sale = view.sale(saleId).orElseThrow(() -> ApiException.unknownSale(saleId));
        return SaleFigures.of(sale, view.paymentLine(), lag.byService(), clock.instant());
    }
}
