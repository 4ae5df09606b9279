package io.floodgate.gateway.identity;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;

/** Tells the buyer page how buyers are identified, so it knows whether it needs the site's token. */
@Controller("/api/identity")
public class IdentityController {
    private final BuyerIdentities identities;

    public IdentityController(BuyerIdentities identities) {
        this.identities = identities;
    }

    /** @param mode {@code anonymous} or {@code site} */
    public record IdentityMode(String mode) {
    }

    @Operation(summary = "How buyers are identified: anonymous (a cookie the gateway issues) or site (the platform's token)")
    @Get
    public HttpResponse<IdentityMode> mode() {
        return HttpResponse.ok(new IdentityMode(identities.mode().name().toLowerCase(java.util.Locale.ROOT)))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
    }
}
