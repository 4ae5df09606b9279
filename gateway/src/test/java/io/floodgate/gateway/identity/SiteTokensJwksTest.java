package io.floodgate.gateway.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.floodgate.gateway.api.ApiException;
import io.floodgate.kit.process.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.floodgate.gateway.identity.SiteTokenFixtures.AUDIENCE;
import static io.floodgate.gateway.identity.SiteTokenFixtures.ISSUER;
import static io.floodgate.gateway.identity.SiteTokenFixtures.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The platform's JWKS, served on a local port: fetched once and cached, and its outages bounded. */
class SiteTokensJwksTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private SiteTokens serving(byte[] body) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return jwks(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json"));
    }

    private static SiteTokens jwks(URI url) {
        return new SiteTokens(new IdentitySettings.Site(Optional.of(ISSUER), Optional.of(AUDIENCE), Optional.empty(),
                Optional.of(url), Duration.ofSeconds(30), TIMEOUT, Duration.ofMinutes(5), List.of(), false,
                Duration.ofHours(24)));
    }

    @Test
    void theKeysAreFetchedOnceForManyTokens() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        SiteTokens tokens = serving(new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));

        for (int i = 0; i < 20; i++) {
            assertEquals("buyer" + i, tokens.buyerId(SiteTokenFixtures.sign(new RSASSASigner(key), JWSAlgorithm.RS256,
                    "k1", claims("buyer" + i).build())));
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void tokensWithUnknownKeyIdsAreInvalidAndDoNotMakeUsFetchForEachOne() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown").generate();
        SiteTokens tokens = serving(new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));

        for (int i = 0; i < 10; i++) {
            String forged = SiteTokenFixtures.sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, "unknown" + i,
                    claims("alice").build());
            ApiException refused = assertThrows(ApiException.class, () -> tokens.buyerId(forged));
            assertEquals(401, refused.status().getCode(), refused.getMessage());
        }
        assertTrue(fetches.get() <= 2, "fetched " + fetches.get() + " times for ten unknown key ids");
    }

    @Test
    void anUnreachableJwksIsA503WithRetryAfterForEveryRequestWithinTheTimeoutNotA401() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        SiteTokens tokens = jwks(URI.create("http://127.0.0.1:" + Ports.free() + "/jwks.json"));
        String token = SiteTokenFixtures.sign(new RSASSASigner(key), JWSAlgorithm.RS256, "k1", claims("alice").build());

        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            assertUnavailable(assertThrows(ApiException.class, () -> tokens.buyerId(token)));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(TIMEOUT.multipliedBy(4)) < 0);
        }
    }

    @Test
    void theKeysAreFetchedAtStartupBeforeAnyToken() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        serving(new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(1, fetches.get());
    }

    @Test
    void duringAnOutageKnownKeysStillVerifyAndANewKeyIdIsA503NotA401() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("k2").generate();
        SiteTokens tokens = serving(new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));
        server.stop(0);
        server = null;

        for (int i = 0; i < 3; i++) {
            assertEquals("alice" + i, tokens.buyerId(SiteTokenFixtures.sign(new RSASSASigner(key), JWSAlgorithm.RS256,
                    "k1", claims("alice" + i).build())));
            String withNewKey = SiteTokenFixtures.sign(new RSASSASigner(rotated), JWSAlgorithm.RS256, "k2",
                    claims("bob" + i).build());
            assertUnavailable(assertThrows(ApiException.class, () -> tokens.buyerId(withNewKey)));
        }
    }

    private static void assertUnavailable(ApiException refused) {
        assertEquals(503, refused.status().getCode(), refused.getMessage());
        assertEquals("IDENTITY_UNAVAILABLE", refused.toError().error());
        assertTrue(refused.toResponse().getHeaders().get("Retry-After") != null);
    }

    @Test
    void aJwksAnswerThatIsNotAKeySetIsA503() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        SiteTokens tokens = serving("<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));

        ApiException refused = assertThrows(ApiException.class, () -> tokens.buyerId(SiteTokenFixtures.sign(
                new RSASSASigner(key), JWSAlgorithm.RS256, "k1", claims("alice").build())));
        assertEquals(503, refused.status().getCode(), refused.getMessage());
    }
}
