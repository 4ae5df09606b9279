package io.floodgate.gateway.availability;

import io.floodgate.contracts.Keys;
import io.floodgate.contracts.availability.SectionAvailability;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.SaleView;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;

import java.util.Optional;

/**
 * What is left, per section and seat by seat: from the view of {@code floodgate.availability},
 * which inventory-service publishes at most every {@code floodgate.inventory.availability-ms}
 * after a change. The same for every buyer, so cacheable for a second.
 */
@Controller("/api/sales/{saleId}")
public class AvailabilityController {
    private static final String CACHE = "public, max-age=1";

    private final GatewayView view;

    public AvailabilityController(GatewayView view) {
        this.view = view;
    }

    @Operation(summary = "Seats free, held and sold per section")
    @Get("/availability")
    public HttpResponse<SaleAvailability> availability(String saleId) {
        SaleView sale = view.sale(saleId).orElseThrow(() -> ApiException.unknownSale(saleId));
        return HttpResponse.ok(new SaleAvailability(saleId, sale.config().sections().stream()
                        .map(s -> view.availability(Keys.section(saleId, s.id())))
                        .flatMap(Optional::stream).map(SaleAvailability.Section::of).toList()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE);
    }

    @Operation(summary = "A section's seat map: each seat, free or taken")
    @Get("/sections/{sectionId}/seats")
    public HttpResponse<SectionSeats> seats(String saleId, String sectionId) {
        view.sale(saleId).orElseThrow(() -> ApiException.unknownSale(saleId));
        SectionAvailability section = view.availability(Keys.section(saleId, sectionId))
                .orElseThrow(() -> ApiException.notFound("UNKNOWN_SECTION",
                        "Sale '" + saleId + "' has no section '" + sectionId + "' (or it is not published yet)."));
        return HttpResponse.ok(SectionSeats.of(section)).header(HttpHeaders.CACHE_CONTROL, CACHE);
    }
}
