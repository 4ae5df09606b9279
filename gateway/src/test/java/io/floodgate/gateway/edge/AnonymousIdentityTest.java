package io.floodgate.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floodgate.gateway.tokens.AnonymousIdentity;
import io.floodgate.gateway.tokens.Tokens;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anonymous mode (the default), with a stand-in for queue-service's line: a join is answered with
 * a place for the buyer the credential names, never the one the body names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousIdentityTest {
    private static final String SALE = "anon";
    private static final ObjectMapper JSON = new ObjectMapper();
    private GatewayHarness gateway;
    private FakeLine line;

    @BeforeAll
    void start() {
        gateway = GatewayHarness.start(Map.of("floodgate.gateway.limits.trusted-proxies", "127.0.0.1/32"));
        assertEquals(201, gateway.createSale(SALE));
        line = new FakeLine(gateway);
    }

    @AfterAll
    void stop() throws InterruptedException {
        line.close();
        gateway.close();
    }

    @Test
    void aFirstJoinIsIssuedAnUnguessableIdentityAsAnHttpOnlyCookieAndInTheAnswer() throws Exception {
        HttpResponse<String> join = join("{}");

        assertEquals(200, join.statusCode(), join.body());
        JsonNode body = JSON.readTree(join.body());
        assertTrue(body.path("buyerId").asText().matches("anon-[a-z2-7]{26}"), join.body());
        String cookie = join.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("floodgate_identity=" + body.path("identity").asText() + ";"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
    }

    @Test
    void aBrowserGetsItsIdentityOnlyAsTheHttpOnlyCookieSoNoPageScriptReadsIt() throws Exception {
        HttpResponse<String> join = join("{}", "Origin", gateway.url("").replaceAll("/$", ""));

        assertEquals(200, join.statusCode(), join.body());
        assertTrue(join.headers().firstValue("Set-Cookie").isPresent());
        assertNull(JSON.readTree(join.body()).get("identity"), join.body());
    }

    @Test
    void tabsSharingTheCookieAreOneBuyerAndAreIssuedNothingMore() throws Exception {
        HttpResponse<String> first = join("{}");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> otherTab = join("{}", "Cookie", cookie);

        assertEquals(buyerOf(first), buyerOf(otherTab));
        assertEquals(JSON.readTree(first.body()).path("sequence").asLong(),
                JSON.readTree(otherTab.body()).path("sequence").asLong(), "the same place");
        assertTrue(otherTab.headers().firstValue("Set-Cookie").isEmpty(), otherTab.headers().toString());
        assertNull(JSON.readTree(otherTab.body()).get("identity"), otherTab.body());
    }

    @Test
    void aJsonClientSendingItsIdentityHeaderIsTheSameBuyer() throws Exception {
        HttpResponse<String> first = join("");
        String identity = JSON.readTree(first.body()).path("identity").asText();

        assertEquals(buyerOf(first), buyerOf(join("{}", "Floodgate-Identity", identity)));
    }

    @Test
    void aJoinNamingABuyerIsRefusedAndPublishesNothing() throws Exception {
        String alice = buyerOf(join("{}"));
        Map<TopicPartition, Long> before = gateway.topicEnds();

        for (String body : new String[] {"{\"buyerId\":\"" + alice + "\"}", "{\"buyerId\":[\"zed\"]}",
                "{\"buyerId\":null}"}) {
            HttpResponse<String> answer = join(body);
            assertEquals(400, answer.statusCode(), body + ": " + answer.body());
            assertTrue(answer.body().contains("IDENTITY_IN_BODY"), answer.body());
            assertTrue(answer.headers().firstValue("Set-Cookie").isEmpty());
        }
        assertEquals(before, gateway.topicEnds());
    }

    @Test
    void aStrangerWhoNamesAnIdentityOrForgesOneInTheHeaderIsRefused401AndNothingIsPublished() throws Exception {
        HttpResponse<String> alice = join("{}");
        String aliceId = buyerOf(alice);
        String token = JSON.readTree(alice.body()).path("identity").asText();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        Map<TopicPartition, Long> before = gateway.topicEnds();

        for (String presented : new String[] {aliceId, tampered, "x".repeat(2000)}) {
            HttpResponse<String> stranger = join("{}", "Floodgate-Identity", presented);
            assertEquals(401, stranger.statusCode(), stranger.body());
            assertEquals("INVALID_IDENTITY", JSON.readTree(stranger.body()).path("error").asText());
            assertTrue(stranger.body().contains("drop the header to get a new identity"), stranger.body());
            assertTrue(stranger.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
            assertTrue(stranger.headers().firstValue("Set-Cookie").isEmpty(), "no identity is minted for it");
        }
        assertEquals(before, gateway.topicEnds());
    }

    @Test
    void anExpiredIdentityHeaderIsRefused401Expired() throws Exception {
        String expired = gateway.bean(Tokens.class).issue(new AnonymousIdentity("anon-" + "a".repeat(26),
                Instant.now().minusSeconds(1)));

        HttpResponse<String> answer = join("{}", "Floodgate-Identity", expired);

        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals("IDENTITY_EXPIRED", JSON.readTree(answer.body()).path("error").asText());
        assertTrue(answer.body().contains("drop the header to get a new identity"), answer.body());
    }

    @Test
    void aForgedOrExpiredCookieIsReplacedByANewIdentity() throws Exception {
        HttpResponse<String> alice = join("{}");
        String aliceId = buyerOf(alice);
        String token = JSON.readTree(alice.body()).path("identity").asText();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String expired = gateway.bean(Tokens.class).issue(new AnonymousIdentity(aliceId, Instant.now().minusSeconds(1)));

        for (String presented : new String[] {aliceId, tampered, expired}) {
            HttpResponse<String> stranger = join("{}", "Cookie", "floodgate_identity=" + presented);
            assertNotEquals(aliceId, buyerOf(stranger));
            assertTrue(stranger.headers().firstValue("Set-Cookie").isPresent(), "a fresh identity replaces the cookie");
        }
    }

    @Test
    void theCookieIsSecureWhenTheBrowserCameOverHttpsThroughTheTrustedProxy() {
        String plain = join("{}").headers().firstValue("Set-Cookie").orElseThrow();
        String overTls = join("{}", "X-Forwarded-Proto", "https").headers().firstValue("Set-Cookie").orElseThrow();

        assertFalse(plain.toLowerCase(java.util.Locale.ROOT).contains("; secure"), plain);
        assertTrue(overTls.toLowerCase(java.util.Locale.ROOT).contains("; secure"), overTls);
    }

    @Test
    void theBuyerPageMayBeFramedOnlyByItself() {
        HttpResponse<String> page = gateway.get("/sales/" + SALE);
        assertEquals("frame-ancestors 'self'", page.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("SAMEORIGIN", page.headers().firstValue("X-Frame-Options").orElse(null));
    }

    @Test
    void thePageIsToldTheModeIsAnonymous() {
        HttpResponse<String> mode = gateway.get("/api/identity");
        assertEquals(200, mode.statusCode());
        assertEquals("{\"mode\":\"anonymous\"}", mode.body());
    }

    private String buyerOf(HttpResponse<String> join) throws Exception {
        assertEquals(200, join.statusCode(), join.body());
        return JSON.readTree(join.body()).path("buyerId").asText();
    }

    private HttpResponse<String> join(String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url("/api/sales/" + SALE + "/queue")))
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return gateway.send(request, headers);
    }
}
