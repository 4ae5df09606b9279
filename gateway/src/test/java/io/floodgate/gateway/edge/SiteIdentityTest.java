package io.floodgate.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import io.floodgate.gateway.identity.SiteTokenFixtures;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;

import static io.floodgate.gateway.identity.SiteTokenFixtures.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Site mode against the platform's JWKS (served here on a local port, keys made by Nimbus): a
 * join is the token's subject's, and any token that is not the platform's, as it signed it, for
 * us, and current, is 401 JSON with nothing written to any topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteIdentityTest {
    private static final String SALE = "site";
    private static final ObjectMapper JSON = new ObjectMapper();
    private RSAKey rsa;
    private ECKey ec;
    private HttpServer jwks;
    private GatewayHarness gateway;
    private FakeLine line;

    @BeforeAll
    void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] keys = new JWKSet(java.util.List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString()
                .getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
        gateway = GatewayHarness.start(Map.of(
                "floodgate.identity.mode", "site",
                "floodgate.identity.site.issuer", SiteTokenFixtures.ISSUER,
                "floodgate.identity.site.audience", SiteTokenFixtures.AUDIENCE,
                "floodgate.identity.site.embedding-origins", "https://tickets.example",
                "floodgate.gateway.limits.trusted-proxies", "127.0.0.1/32",
                "floodgate.identity.site.jwks-url",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json"));
        assertEquals(201, gateway.createSale(SALE));
        line = new FakeLine(gateway);
    }

    @AfterAll
    void stop() throws InterruptedException {
        line.close();
        gateway.close();
        jwks.stop(0);
    }

    @Test
    void anRs256TokenJoinsAsItsSubjectWithNoCookie() throws Exception {
        HttpResponse<String> join = join(rs256(claims("auth0|rita").build())).get();

        assertEquals(200, join.statusCode(), join.body());
        assertEquals("auth0|rita", JSON.readTree(join.body()).path("buyerId").asText());
        assertNull(JSON.readTree(join.body()).get("identity"));
        assertTrue(join.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void anEs256TokenJoinsAsItsSubject() throws Exception {
        assertEquals("erin@example.com", joined(join(es256(claims("erin@example.com").build()))).path("buyerId").asText());
    }

    @Test
    void aSecondDeviceOfTheSameSubjectGetsTheSamePlace() throws Exception {
        JsonNode laptop = joined(join(rs256(claims("dana").build())));
        JsonNode phone = joined(join(es256(claims("dana").build())));

        assertEquals(laptop.path("sequence").asLong(), phone.path("sequence").asLong());
    }

    @Test
    void aStrangerWhoSharesNothingWithAliceButHerNameGetsNothingOfHers() throws Exception {
        JsonNode alice = joined(join(rs256(claims("alice").build())));
        String malloryToken = rs256(claims("mallory").build());

        assertRefusedWritingNothing(400, "IDENTITY_IN_BODY",
                send("{\"buyerId\":\"alice\"}", "Authorization", "Bearer " + malloryToken));
        assertRefusedWritingNothing(401, "MISSING_IDENTITY", send("{}", "Floodgate-Identity", "alice"));
        JsonNode mallory = joined(join(malloryToken));
        assertEquals("mallory", mallory.path("buyerId").asText());
        assertNotEquals(alice.path("sequence").asLong(), mallory.path("sequence").asLong(), "not her place");
        assertNotEquals(alice.path("ticket").asText(), mallory.path("ticket").asText(), "not her ticket");
        HttpResponse<String> status = gateway.get("/api/sales/" + SALE + "/status",
                "Floodgate-Ticket", mallory.path("ticket").asText());
        assertEquals("mallory", JSON.readTree(status.body()).path("buyerId").asText(), status.body());
    }

    @Test
    void aForgedSignatureIsRefusedAndWritesNothing() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID("rsa-1").generate(); // the platform's key id, not its key
        assertRefusedWritingNothing(401, "INVALID_IDENTITY", join(SiteTokenFixtures.sign(new RSASSASigner(forger),
                JWSAlgorithm.RS256, "rsa-1", claims("alice").build())));
    }

    @Test
    void anExpiredTokenIsRefusedAndWritesNothing() throws Exception {
        assertRefusedWritingNothing(401, "IDENTITY_EXPIRED", join(rs256(claims("alice")
                .expirationTime(Date.from(Instant.now().minusSeconds(120))).build())));
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedAndWritesNothing() throws Exception {
        assertRefusedWritingNothing(401, "INVALID_IDENTITY", join(rs256(claims("alice").audience("shop").build())));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedAndWritesNothing() throws Exception {
        assertRefusedWritingNothing(401, "INVALID_IDENTITY",
                join(rs256(claims("alice").issuer("https://evil.example").build())));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefusedAndWritesNothing() throws Exception {
        assertRefusedWritingNothing(401, "INVALID_IDENTITY", join(SiteTokenFixtures.unsigned(claims("alice").build())));
    }

    @Test
    void anHs256TokenKeyedWithThePublicRsaKeyIsRefusedAndWritesNothing() throws Exception {
        // The classic confusion: HMAC "signed" with the platform's public key, which anyone can fetch.
        byte[] publicKey = rsa.toRSAPublicKey().getEncoded();
        assertRefusedWritingNothing(401, "INVALID_IDENTITY", join(SiteTokenFixtures.sign(new MACSigner(publicKey),
                JWSAlgorithm.HS256, "rsa-1", claims("alice").build())));
        assertRefusedWritingNothing(401, "INVALID_IDENTITY", join(SiteTokenFixtures.sign(
                new MACSigner(jwksJson()), JWSAlgorithm.HS256, "rsa-1", claims("alice").build())));
    }

    @Test
    void aJoinWithoutATokenIsRefusedAndWritesNothing() throws Exception {
        assertRefusedWritingNothing(401, "MISSING_IDENTITY", send("{}"));
        assertRefusedWritingNothing(401, "MISSING_IDENTITY", send("{}", "Authorization", "Basic YWxpY2U6eA=="));
        assertRefusedWritingNothing(401, "INVALID_IDENTITY", send("{}", "Authorization", "Bearer not-a-jwt"));
    }

    /** From an address of its own (through the trusted proxy), so the other tests' bucket stays full. */
    @Test
    void aFloodOfBadTokensFromOneAddressIsRateLimitedBeforeAnySignatureIsChecked() throws Exception {
        String forged = SiteTokenFixtures.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID("rsa-1").generate()),
                JWSAlgorithm.RS256, "rsa-1", claims("alice").build());
        Map<TopicPartition, Long> before = gateway.topicEnds();
        // All at once, as a bot would send them.
        java.util.List<Integer> codes = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> gateway.client().sendAsync(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(gateway.url("/api/sales/" + SALE + "/queue")))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + forged)
                        .header("X-Forwarded-For", "203.0.113.7")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(answer -> answer.join().statusCode()).toList();

        assertTrue(codes.stream().allMatch(code -> code == 401 || code == 429), codes.toString());
        assertTrue(codes.stream().filter(code -> code == 429).count() >= 30, "the default burst is 100: " + codes.stream().filter(c -> c == 429).count() + " refused");
        assertEquals(before, gateway.topicEnds());
    }

    @Test
    void theBuyerPageMayBeFramedOnlyByItselfAndTheEmbeddingOrigins() {
        HttpResponse<String> page = gateway.get("/sales/" + SALE);
        assertEquals("frame-ancestors 'self' https://tickets.example",
                page.headers().firstValue("Content-Security-Policy").orElse(null));
        assertTrue(page.headers().firstValue("X-Frame-Options").isEmpty(), "it would forbid the embedding site");
    }

    @Test
    void thePageIsToldTheModeIsSite() {
        assertEquals("{\"mode\":\"site\",\"embeddingOrigins\":[\"https://tickets.example\"]}",
                gateway.get("/api/identity").body());
    }

    private byte[] jwksJson() {
        return new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the request with the topics' ends read before and after it. */
    private void assertRefusedWritingNothing(int status, String code, Supplier<HttpResponse<String>> request) {
        Map<TopicPartition, Long> before = gateway.topicEnds();
        HttpResponse<String> refused = request.get();
        assertEquals(status, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"" + code + "\""), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(refused.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(status == 401, refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                refused.headers().toString());
        if (status == 401 && !code.equals("MISSING_IDENTITY")) {
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        }
        assertEquals(before, gateway.topicEnds(), "nothing written");
    }

    private String rs256(JWTClaimsSet claims) throws JOSEException {
        return SiteTokenFixtures.sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa-1", claims);
    }

    private String es256(JWTClaimsSet claims) throws JOSEException {
        return SiteTokenFixtures.sign(new ECDSASigner(ec), JWSAlgorithm.ES256, "ec-1", claims);
    }

    private Supplier<HttpResponse<String>> join(String token) {
        return send("{}", "Authorization", "Bearer " + token);
    }

    private Supplier<HttpResponse<String>> send(String body, String... headers) {
        return () -> gateway.post("/api/sales/" + SALE + "/queue", body, headers);
    }

    private static JsonNode joined(Supplier<HttpResponse<String>> request) throws IOException {
        HttpResponse<String> answer = request.get();
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }
}
