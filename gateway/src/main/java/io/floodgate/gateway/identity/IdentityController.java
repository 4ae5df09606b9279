package io.floodgate.gateway.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;

import java.util.List;
import java.util.Locale;

/** Tells the buyer page how buyers are identified, so it knows whether it needs the site's token. */
@Controller("/api/identity")
public class IdentityController {
    private final BuyerIdentities identities;

    public IdentityController(BuyerIdentities identities) {
        this.identities = identities;
    }

    /**
     * @param mode             {@code anonymous} or {@code site}
     * @param embeddingOrigins site mode: the origins the page accepts the platform's token from (postMessage)
     * @param fragmentToken    site mode, only when the operator turned it on: the page also takes {@code #token=}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IdentityMode(String mode, List<String> embeddingOrigins, Boolean fragmentToken) {
    }

    @Operation(summary = "How buyers are identified: anonymous (a cookie the gateway issues) or site (the platform's token)")
    @Get
    public HttpResponse<IdentityMode> mode() {
        IdentitySettings.Mode mode = identities.mode();
        boolean site = mode == IdentitySettings.Mode.SITE;
        return HttpResponse.ok(new IdentityMode(mode.name().toLowerCase(Locale.ROOT),
                        site ? identities.embeddingOrigins() : null,
                        site && identities.fragmentToken() ? Boolean.TRUE : null))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
    }
}
