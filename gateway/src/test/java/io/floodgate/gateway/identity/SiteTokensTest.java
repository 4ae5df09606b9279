package io.floodgate.gateway.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.floodgate.gateway.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static io.floodgate.gateway.identity.SiteTokenFixtures.AUDIENCE;
import static io.floodgate.gateway.identity.SiteTokenFixtures.HMAC_SECRET;
import static io.floodgate.gateway.identity.SiteTokenFixtures.ISSUER;
import static io.floodgate.gateway.identity.SiteTokenFixtures.claims;
import static io.floodgate.gateway.identity.SiteTokenFixtures.hs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Site tokens with a shared HMAC key (HS256): who the platform says, and nobody else. */
class SiteTokensTest {
    private final SiteTokens tokens = new SiteTokens(hmacSite(HMAC_SECRET));

    static IdentitySettings.Site hmacSite(String secret) {
        return new IdentitySettings.Site(Optional.of(ISSUER), Optional.of(AUDIENCE), Optional.of(secret),
                Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(5), List.of(), false,
                Duration.ofHours(24));
    }

    @Test
    void theBuyerIsTheSubjectOfAGenuineToken() {
        assertEquals("auth0|alice-42", tokens.buyerId(hs256(HMAC_SECRET, claims("auth0|alice-42").build())));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsInvalid() {
        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId(hs256("another-secret-of-32-bytes-or-more!!",
                claims("alice").build())));
    }

    @Test
    void aTokenWithChangedClaimsIsInvalid() {
        String genuine = hs256(HMAC_SECRET, claims("mallory").build());
        String[] parts = genuine.split("\\.");
        String alicePayload = hs256(HMAC_SECRET, claims("alice").build()).split("\\.")[1];

        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId(parts[0] + "." + alicePayload + "." + parts[2]));
    }

    @Test
    void anExpiredTokenIsRefusedAsExpiredOnlyBeyondTheClockSkew() {
        Instant now = Instant.now();
        String withinSkew = hs256(HMAC_SECRET, claims("alice").expirationTime(Date.from(now.minusSeconds(10))).build());
        String expired = hs256(HMAC_SECRET, claims("alice").expirationTime(Date.from(now.minusSeconds(60))).build());

        assertEquals("alice", tokens.buyerId(withinSkew));
        assertRefused("IDENTITY_EXPIRED", () -> tokens.buyerId(expired));
    }

    @Test
    void aTokenWithoutExpiryIsInvalid() {
        JWTClaimsSet noExpiry = new JWTClaimsSet.Builder(claims("alice").build()).expirationTime(null).build();
        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId(hs256(HMAC_SECRET, noExpiry)));
    }

    @Test
    void aTokenForAnotherAudienceIsInvalid() {
        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId(hs256(HMAC_SECRET,
                claims("alice").audience("another-app").build())));
    }

    @Test
    void aTokenFromAnotherIssuerIsInvalid() {
        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId(hs256(HMAC_SECRET,
                claims("alice").issuer("https://evil.example").build())));
    }

    @Test
    void anUnsignedTokenIsInvalid() {
        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId(SiteTokenFixtures.unsigned(claims("alice").build())));
    }

    @Test
    void aSubjectThatIsNotASaneBuyerIdIsInvalid() {
        for (String subject : new String[] {"", "a/b", "a b", "x".repeat(129), "alice\u0000", "é"}) {
            assertRefused("INVALID_IDENTITY", () -> tokens.buyerId(hs256(HMAC_SECRET, claims(subject).build())));
        }
        JWTClaimsSet noSubject = new JWTClaimsSet.Builder(claims("alice").build()).subject(null).build();
        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId(hs256(HMAC_SECRET, noSubject)));
    }

    @Test
    void noTokenIsMissingAndGarbageIsInvalid() {
        assertRefused("MISSING_IDENTITY", () -> tokens.buyerId(null));
        assertRefused("MISSING_IDENTITY", () -> tokens.buyerId(" "));
        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId("not.a.jwt"));
        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId("x".repeat(10_000)));
    }

    @Test
    void siteModeWithoutIssuerAudienceOrKeyDoesNotStart() {
        assertStartRefused("floodgate.identity.site.issuer", new IdentitySettings.Site(Optional.empty(),
                Optional.of(AUDIENCE), Optional.of(HMAC_SECRET), Optional.empty(), Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofMinutes(1), List.of(), false,
                Duration.ofHours(24)));
        assertStartRefused("floodgate.identity.site.audience", new IdentitySettings.Site(Optional.of(ISSUER),
                Optional.of(" "), Optional.of(HMAC_SECRET), Optional.empty(), Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofMinutes(1), List.of(), false,
                Duration.ofHours(24)));
        assertStartRefused("exactly one of", new IdentitySettings.Site(Optional.of(ISSUER), Optional.of(AUDIENCE),
                Optional.empty(), Optional.empty(), Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1), List.of(), false,
                Duration.ofHours(24)));
        assertStartRefused("exactly one of", new IdentitySettings.Site(Optional.of(ISSUER), Optional.of(AUDIENCE),
                Optional.of(HMAC_SECRET), Optional.of(URI.create("https://tickets.example/jwks.json")), Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofMinutes(1), List.of(), false,
                Duration.ofHours(24)));
    }

    @Test
    void anHmacSecretShorterThan32BytesDoesNotStart() {
        assertStartRefused("at least 32 bytes", hmacSite("short-secret"));
    }

    @Test
    void aJwksCacheLifetimeOf30SecondsOrLessDoesNotStart() {
        assertStartRefused("floodgate.identity.site.jwks-cache-lifetime",
                jwksSite("https://tickets.example/jwks.json", Duration.ofSeconds(30), Duration.ZERO, List.of()));
    }

    @Test
    void aJwksUrlOverPlainHttpDoesNotStartUnlessLoopback() {
        assertStartRefused("floodgate.identity.site.jwks-url",
                jwksSite("http://tickets.example/jwks.json", Duration.ofMinutes(5), Duration.ZERO, List.of()));
        new IdentitySettings(IdentitySettings.Mode.SITE, Duration.ofDays(7), false,
                jwksSite("http://127.0.0.1:9/jwks.json", Duration.ofMinutes(5), Duration.ZERO, List.of()));
    }

    @Test
    void aClockSkewWithAFractionOfASecondDoesNotStart() {
        assertStartRefused("floodgate.identity.site.clock-skew",
                jwksSite("https://tickets.example/jwks.json", Duration.ofMinutes(5), Duration.ofMillis(1500), List.of()));
    }

    @Test
    void anEmbeddingOriginWithAPathOrTrailingSlashDoesNotStart() {
        for (String origin : List.of("https://tickets.example/", "https://tickets.example/shop", "tickets.example",
                "ftp://tickets.example", "https://user@tickets.example")) {
            assertStartRefused("floodgate.identity.site.embedding-origins", jwksSite("https://tickets.example/jwks.json",
                    Duration.ofMinutes(5), Duration.ZERO, List.of(origin)));
        }
        new IdentitySettings(IdentitySettings.Mode.SITE, Duration.ofDays(7), false, jwksSite(
                "https://tickets.example/jwks.json", Duration.ofMinutes(5), Duration.ZERO,
                List.of("https://tickets.example", "http://localhost:3000")));
    }

    @Test
    void aSubjectThatCouldPassForAnAnonymousIdentityIsInvalid() {
        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId(hs256(HMAC_SECRET, claims("anon-abcdefghijklmnopqrstuvwxyz").build())));
    }

    @Test
    void aTokenLivingLongerThanTheMaximumIsInvalid() {
        String yearLong = hs256(HMAC_SECRET, claims("alice")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(365)))).build());
        assertRefused("INVALID_IDENTITY", () -> tokens.buyerId(yearLong));
    }

    private static IdentitySettings.Site jwksSite(String url, Duration cacheLifetime, Duration skew, List<String> origins) {
        return new IdentitySettings.Site(Optional.of(ISSUER), Optional.of(AUDIENCE), Optional.empty(),
                Optional.of(URI.create(url)), skew, Duration.ofSeconds(1), cacheLifetime, origins, false,
                Duration.ofHours(24));
    }

    @Test
    void anonymousModeNeedsNoSiteSettings() {
        assertEquals(IdentitySettings.Mode.ANONYMOUS,
                new IdentitySettings(IdentitySettings.Mode.ANONYMOUS, Duration.ofDays(7), false, null).mode());
    }

    private static void assertStartRefused(String naming, IdentitySettings.Site site) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new IdentitySettings(IdentitySettings.Mode.SITE, Duration.ofDays(7), false, site));
        assertTrue(refused.getMessage().contains(naming), refused.getMessage());
    }

    private static void assertRefused(String code, Executable call) {
        ApiException refused = assertThrows(ApiException.class, call);
        assertEquals(401, refused.status().getCode());
        assertEquals(code, refused.toError().error(), refused.getMessage());
    }
}
