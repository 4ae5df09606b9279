package io.floodgate.gateway.proofofwork;

import io.floodgate.gateway.api.ApiException;
import io.floodgate.gateway.identity.BuyerIdentities;
import io.floodgate.gateway.limits.BuyerLimits;
import io.floodgate.gateway.view.GatewayView;
import io.floodgate.gateway.view.SaleView;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;

import java.util.concurrent.CompletableFuture;

/**
 * Proof-of-work challenges for joining a sale that requires one. The challenge is for the
 * caller's identity (minted here in anonymous mode, with its cookie, so the join that follows is
 * by the same identity): a solution is worth nothing to anyone else.
 */
@Controller("/api/sales/{saleId}")
public class ChallengeController {
    private final GatewayView view;
    private final BuyerIdentities identities;
    private final BuyerLimits limits;
    private final ProofOfWorkGate gate;

    public ChallengeController(GatewayView view, BuyerIdentities identities, BuyerLimits limits, ProofOfWorkGate gate) {
        this.view = view;
        this.identities = identities;
        this.limits = limits;
        this.gate = gate;
    }

    @Operation(summary = "A proof-of-work challenge (ALTCHA, SHA-256) for joining this sale; see docs/api.md")
    @Get("/challenge")
    public CompletableFuture<HttpResponse<ChallengeAnswer>> challenge(HttpRequest<?> http, String saleId) {
        SaleView sale = view.sale(saleId).orElseThrow(() -> ApiException.unknownSale(saleId));
        limits.challenge(http);
        return identities.identifyOffLoop(http).thenApply(identity -> { // a site token is verified off the event loop
            limits.challenge(saleId, identity.buyerId());
            ChallengeAnswer answer = new ChallengeAnswer(gate.challenge(sale, identity.buyerId()),
                    identities.handedBack(identity, http));
            return identities.remember(HttpResponse.ok(answer).header(HttpHeaders.CACHE_CONTROL, "no-store"), identity, http);
        });
    }
}
