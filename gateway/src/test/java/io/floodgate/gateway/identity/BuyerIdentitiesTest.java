package io.floodgate.gateway.identity;

import io.floodgate.gateway.limits.ClientAddresses;
import io.floodgate.gateway.limits.LimitSettings;
import io.floodgate.gateway.tokens.TokenSettings;
import io.floodgate.gateway.tokens.Tokens;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.floodgate.gateway.identity.SiteTokenFixtures.HMAC_SECRET;
import static io.floodgate.gateway.identity.SiteTokenFixtures.claims;
import static io.floodgate.gateway.identity.SiteTokenFixtures.hs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where identities are checked: site tokens off the caller's thread (an event loop), on the bounded verifiers. */
class BuyerIdentitiesTest {
    private final Tokens tokens = new Tokens(new TokenSettings(Optional.of("test-secret"), List.of()), Clock.systemUTC());

    @Test
    void aSiteTokenIsVerifiedOnAVerifierThreadNeverTheCallersEventLoop() throws Exception {
        BuyerIdentities identities = new BuyerIdentities(new IdentitySettings(IdentitySettings.Mode.SITE,
                Duration.ofDays(7), false, SiteTokensTest.hmacSite(HMAC_SECRET)), tokens,
                new ClientAddresses(new LimitSettings(50, 2, 500, 10, 5000, 20000, List.of()), null));
        AtomicReference<String> readOn = new AtomicReference<>();
        HttpRequest<?> request = new HttpRequestWrapper<>(HttpRequest.POST("/api/sales/s/queue", "{}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + hs256(HMAC_SECRET, claims("alice").build()))) {
            @Override
            public HttpHeaders getHeaders() {
                readOn.set(Thread.currentThread().getName());
                return super.getHeaders();
            }
        };
        try {
            assertEquals("alice", identities.identifyOffLoop(request).get(5, TimeUnit.SECONDS).buyerId());
            assertTrue(readOn.get().startsWith("site-token-verifier-"), readOn.get());
        } finally {
            identities.close();
        }
    }
}
