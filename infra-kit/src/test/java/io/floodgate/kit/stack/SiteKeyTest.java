package io.floodgate.kit.stack;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteKeyTest {
    private final SiteKey key = SiteKey.random();

    @Test
    void aMintedTokenIsAnHs256JwtForTheBuyerThatVerifiesWithTheKey() throws Exception {
        Instant issued = Instant.parse("2026-12-02T01:00:00Z");
        SignedJWT jwt = SignedJWT.parse(key.mint("alice", issued, Duration.ofMinutes(15)));

        assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        assertTrue(jwt.verify(new MACVerifier(key.hmacSecret().getBytes(StandardCharsets.UTF_8))));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("alice", claims.getSubject());
        assertEquals(SiteKey.LOCAL_ISSUER, claims.getIssuer());
        assertEquals(List.of(SiteKey.LOCAL_AUDIENCE), claims.getAudience());
        assertEquals(issued, claims.getIssueTime().toInstant());
        assertEquals(issued.plus(Duration.ofMinutes(15)), claims.getExpirationTime().toInstant());
    }

    @Test
    void anotherKeysTokenDoesNotVerify() throws Exception {
        SignedJWT forged = SignedJWT.parse(SiteKey.random().mint("alice", Duration.ofMinutes(1)));
        assertFalse(forged.verify(new MACVerifier(key.hmacSecret().getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aKeyShorterThan32BytesOrWithoutIssuerOrAudienceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SiteKey("short", "iss", "aud"));
        assertThrows(IllegalArgumentException.class, () -> new SiteKey(key.hmacSecret(), "", "aud"));
        assertThrows(IllegalArgumentException.class, () -> new SiteKey(key.hmacSecret(), "iss", null));
    }

    @Test
    void theGatewaySettingsRoundTripThroughTheEnvironment() {
        Map<String, String> env = key.gatewayEnvironment();
        assertEquals("site", env.get("FLOODGATE_IDENTITY_MODE"));
        assertEquals(key, SiteKey.fromEnvironment(env).orElseThrow());
        assertTrue(SiteKey.fromEnvironment(Map.of()).isEmpty());
    }

    @Test
    void theSecretNeverShowsInItsText() {
        assertFalse(key.toString().contains(key.hmacSecret()));
        assertFalse(StackSettings.ephemeral(Path.of("x")).withSiteIdentity(key).siteKey().toString()
                .contains(key.hmacSecret()));
    }

    @Test
    void theLocalRunsKeyIsDrawnOnceAndKeptBesideItsOtherSecrets(@TempDir Path home) throws Exception {
        // A home from before the site key existed keeps its operator token and ticket secret.
        Files.writeString(home.resolve("local-secrets.properties"), "operator-token=op\ntoken-secret=tickets\n");
        SiteKey first = StackSettings.localSiteKey(home);
        assertEquals(first, StackSettings.localSiteKey(home), "the same key on every start");
        assertNotEquals(first, StackSettings.localSiteKey(home.resolve("elsewhere")), "drawn at random per home");
        StackSettings local = StackSettings.local(home);
        assertEquals("op", local.operatorToken());
        assertEquals("tickets", local.tokenSecret());
        assertEquals(null, local.siteKey(), "the local run is anonymous unless asked");
    }
}
